-- The citizen's door (citizens module): access keys (only their hash), one-time SMS codes (only their hash) and
-- the online evaluation window of each closed case a citizen brought.
create table citizen_access_key (
    id        bigint generated always as identity primary key,
    case_id   bigint      not null references cases (id),
    key_hash  text        not null unique,
    issued_at timestamptz not null
);
create index citizen_access_key_case_idx on citizen_access_key (case_id);

create table citizen_code (
    id         bigint generated always as identity primary key,
    case_id    bigint      not null references cases (id),
    code_hash  text        not null,
    salt       text        not null,
    expires_at timestamptz not null,
    tries      int         not null default 0,
    used       boolean     not null default false,
    created_at timestamptz not null
);
create index citizen_code_case_idx on citizen_code (case_id, created_at desc);

-- from the final reply on, the citizen may rate online until closes_at; result NOT_EVALUATED once it passed
create table citizen_evaluation_window (
    case_id    bigint      primary key references cases (id),
    opens_at   timestamptz not null,
    closes_at  timestamptz not null,
    result     text        check (result in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'NOT_EVALUATED')),
    by_citizen boolean,
    decided_at timestamptz
);
create index citizen_evaluation_window_open_idx on citizen_evaluation_window (closes_at) where result is null;

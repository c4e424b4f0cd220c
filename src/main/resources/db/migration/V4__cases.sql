-- Case ids come from a sequence allocated in blocks by each platform instance (pooled), so registration
-- needs no round trip for its id and tracking codes are unique across a cluster.
create sequence case_id_seq start with 1000 increment by 50;

create table cases (
    id                 bigint      primary key,
    tracking_code      text        not null unique,
    status             text        not null check (status in ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED',
                                                              'CLOSED', 'UNDER_REVIEW', 'ARCHIVED', 'MERGED')),
    kind               text        not null,
    channel            text        not null,
    source_ref         text        check (length(source_ref) <= 100),
    category_code      text        references category (code),
    dispute_type       text        references dispute_type (code),
    title              text        not null check (length(title) between 1 and 200),
    description        text        not null check (length(description) between 1 and 10000),
    address            text        check (length(address) <= 200),
    latitude           double precision check (latitude between -90 and 90),
    longitude          double precision check (longitude between -180 and 180),
    region_code        varchar(15) not null references region (code),
    grid_code          varchar(15) references region (code),
    people_involved    int         not null default 1 check (people_involved between 0 and 100000),
    amount_involved    numeric(16, 2) check (amount_involved >= 0),
    urgent             boolean     not null default false,
    risk_level         text        not null default 'LOW' check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'SEVERE')),
    risk_reasons       jsonb       not null default '[]',
    registered_at      timestamptz not null,
    registered_by      bigint      not null references staff_user (id),
    registering_unit   bigint      not null references unit (id),
    owner_unit         bigint      not null references unit (id),
    handling_unit      bigint      references unit (id),
    routing_rule       text,
    routing_reason     text,
    assigned_at        timestamptz,
    accept_due_at      timestamptz,
    accepted_at        timestamptz,
    handle_due_at      timestamptz,
    handle_policy      text,
    overdue_since      timestamptz,
    chased_at          timestamptz,
    reported_at        timestamptz,
    supervised         boolean     not null default false,
    extension_count    int         not null default 0,
    pending_extension  bigint,
    return_count       int         not null default 0,
    reopen_count       int         not null default 0,
    outcome            text,
    resolved           boolean,
    closed_at          timestamptz,
    closed_on_time     boolean,
    rating             text        check (rating in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    evaluated_at       timestamptz,
    revisit_due_at     timestamptz,
    revisited_at       timestamptz,
    archived_at        timestamptz,
    merged_into        bigint      references cases (id),
    version            int         not null default 0
);
create index cases_region_idx on cases (region_code varchar_pattern_ops, registered_at desc);
create index cases_registered_idx on cases (registered_at desc);
create index cases_status_idx on cases (status, handling_unit);
create index cases_handling_idx on cases (handling_unit, status);
create index cases_owner_idx on cases (owner_unit, status);
create index cases_due_idx on cases (handle_due_at) where status in ('ASSIGNED', 'IN_PROGRESS');
create index cases_accept_due_idx on cases (accept_due_at) where status = 'ASSIGNED';
create index cases_overdue_idx on cases (overdue_since) where overdue_since is not null and status in ('ASSIGNED', 'IN_PROGRESS');
create index cases_revisit_idx on cases (revisit_due_at) where revisited_at is null and revisit_due_at is not null;
create index cases_category_idx on cases (category_code);
create index cases_grid_idx on cases (grid_code);

-- Parties' personal data: stored here only, masked in every view, never written to logs.
create table case_party (
    id         bigint generated always as identity primary key,
    case_id    bigint not null references cases (id),
    role       text   not null check (role in ('APPLICANT', 'RESPONDENT', 'THIRD_PARTY')),
    name       text   not null check (length(name) between 1 and 100),
    phone      text   check (length(phone) <= 30),
    id_number  text   check (length(id_number) <= 30),
    address    text   check (length(address) <= 200)
);
create index case_party_case_idx on case_party (case_id);
create index case_party_phone_idx on case_party (phone) where phone is not null;
create index case_party_id_number_idx on case_party (id_number) where id_number is not null;

-- Every unit that has been involved with a case (registered it, handled it, handled it jointly). Units
-- that are not centres see exactly these cases.
create table case_unit (
    case_id bigint not null references cases (id),
    unit_id bigint not null references unit (id),
    role    text   not null check (role in ('REGISTRANT', 'HANDLER', 'JOINT')),
    since   timestamptz not null,
    primary key (case_id, unit_id, role)
);
create index case_unit_unit_idx on case_unit (unit_id, case_id);

-- The immutable record of everything that happened (全程留痕). The timeline is built from these rows.
create table case_event (
    id            bigint generated always as identity primary key,
    case_id       bigint      not null references cases (id),
    type          text        not null,
    occurred_at   timestamptz not null,
    actor_user_id bigint      references staff_user (id),
    actor_unit_id bigint      references unit (id),
    from_status   text,
    to_status     text,
    reason        text        check (length(reason) <= 2000),
    data          jsonb       not null default '{}'
);
create index case_event_case_idx on case_event (case_id, id);
create index case_event_type_idx on case_event (type, occurred_at);

create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are immutable', tg_table_name using errcode = 'restrict_violation';
end $$;
create trigger case_event_immutable before update or delete on case_event
    for each row execute function forbid_change();

create table case_attachment (
    id           bigint generated always as identity primary key,
    case_id      bigint      not null references cases (id),
    filename     text        not null check (length(filename) between 1 and 200),
    content_type text        not null,
    size_bytes   int         not null check (size_bytes > 0),
    sha256       bytea       not null,
    content      bytea       not null,
    uploaded_at  timestamptz not null,
    uploaded_by  bigint      not null references staff_user (id)
);
create index case_attachment_case_idx on case_attachment (case_id);

create table mediation_session (
    id          bigint generated always as identity primary key,
    case_id     bigint      not null references cases (id),
    held_at     timestamptz not null,
    place       text        not null check (length(place) between 1 and 200),
    mediators   text        not null check (length(mediators) between 1 and 200),
    participants text       check (length(participants) <= 500),
    result      text        not null check (result in ('AGREED', 'PARTIALLY_AGREED', 'NOT_AGREED', 'ADJOURNED')),
    notes       text        check (length(notes) <= 5000),
    recorded_by bigint      not null references staff_user (id),
    recorded_at timestamptz not null
);
create index mediation_session_case_idx on mediation_session (case_id);

create table mediation_agreement (
    id                    bigint generated always as identity primary key,
    case_id               bigint      not null references cases (id),
    signed_on             date        not null,
    effective_on          date        not null,
    terms                 text        not null check (length(terms) between 1 and 10000),
    attachment_id         bigint      references case_attachment (id),
    confirmation_due_at   timestamptz not null,
    referred_at           timestamptz,
    court_unit            bigint      references unit (id),
    recorded_by           bigint      not null references staff_user (id),
    recorded_at           timestamptz not null
);
create index mediation_agreement_case_idx on mediation_agreement (case_id);

create table extension_request (
    id              bigint generated always as identity primary key,
    case_id         bigint      not null references cases (id),
    requested_by    bigint      not null references staff_user (id),
    requested_at    timestamptz not null,
    current_due_at  timestamptz not null,
    requested_due_at timestamptz not null,
    reason          text        not null check (length(reason) between 1 and 2000),
    status          text        not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    decided_by      bigint      references staff_user (id),
    decided_at      timestamptz,
    decision_reason text        check (length(decision_reason) <= 2000)
);
create index extension_request_case_idx on extension_request (case_id);
create index extension_request_pending_idx on extension_request (status) where status = 'PENDING';

-- Supervision notices: issued by a supervisor (督办), or automatically on a missed deadline (催办, 通报).
create table supervision_notice (
    id          bigint generated always as identity primary key,
    case_id     bigint      not null references cases (id),
    kind        text        not null check (kind in ('SUPERVISE', 'CHASE', 'REPORT')),
    unit_id     bigint      references unit (id),
    issued_at   timestamptz not null,
    issued_by   bigint      references staff_user (id),
    message     text        not null check (length(message) between 1 and 2000),
    due_at      timestamptz,
    answered_at timestamptz
);
create index supervision_notice_case_idx on supervision_notice (case_id);
create index supervision_notice_unit_idx on supervision_notice (unit_id, issued_at desc);

create table case_evaluation (
    id          bigint generated always as identity primary key,
    case_id     bigint      not null references cases (id),
    rating      text        not null check (rating in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    comment     text        check (length(comment) <= 2000),
    source      text        not null,
    recorded_at timestamptz not null,
    recorded_by bigint      references staff_user (id)
);
create index case_evaluation_case_idx on case_evaluation (case_id);

create table case_revisit (
    id          bigint generated always as identity primary key,
    case_id     bigint      not null references cases (id),
    method      text        not null check (method in ('PHONE', 'VISIT', 'SMS', 'ONLINE')),
    result      text        not null check (result in ('STILL_RESOLVED', 'NOT_RESOLVED', 'UNREACHABLE')),
    notes       text        check (length(notes) <= 2000),
    revisited_at timestamptz not null,
    recorded_by bigint      not null references staff_user (id)
);
create index case_revisit_case_idx on case_revisit (case_id);

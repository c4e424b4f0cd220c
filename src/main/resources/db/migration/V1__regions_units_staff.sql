-- Regions: 12-digit division codes (15 digits for grids). A region's subtree is every code sharing its
-- significant prefix, so subtree queries are prefix scans on this index.
create table region (
    code        varchar(15) primary key check (code ~ '^[0-9]{12}([0-9]{3})?$'),
    name        text        not null check (length(name) between 1 and 100),
    level       text        not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'GRID')),
    parent_code varchar(15) references region (code),
    boundary    jsonb,
    created_at  timestamptz not null default now(),
    check ((level = 'PROVINCE') = (parent_code is null)),
    check ((level = 'GRID') = (length(code) = 15))
);
create index region_parent_idx on region (parent_code);
create index region_prefix_idx on region (code varchar_pattern_ops);

create table unit (
    id          bigint generated always as identity primary key,
    code        text        not null unique check (code ~ '^[A-Za-z0-9_-]{2,40}$'),
    name        text        not null check (length(name) between 1 and 100),
    kind        text        not null,
    region_code varchar(15) not null references region (code),
    active      boolean     not null default true,
    created_at  timestamptz not null default now()
);
create index unit_region_idx on unit (region_code, kind);

create table staff_user (
    id                  bigint generated always as identity primary key,
    username            text        not null unique check (username ~ '^[a-z0-9_.-]{3,40}$'),
    display_name        text        not null check (length(display_name) between 1 and 50),
    password_hash       text        not null,
    unit_id             bigint      not null references unit (id),
    grid_code           varchar(15) references region (code),
    active              boolean     not null default true,
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz
);
create index staff_user_unit_idx on staff_user (unit_id);

create table staff_role (
    user_id bigint not null references staff_user (id) on delete cascade,
    role    text   not null check (role in ('INTAKE', 'DISPATCHER', 'HANDLER', 'MEDIATOR', 'GRID_WORKER',
                                            'SUPERVISOR', 'ADMIN')),
    primary key (user_id, role)
);

-- API tokens are stored only as SHA-256 digests; the token itself is shown once, when it is issued.
create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references staff_user (id) on delete cascade,
    token_hash   bytea       not null unique,
    label        text        not null default '',
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_token_user_idx on api_token (user_id);

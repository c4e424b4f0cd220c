-- Page sessions in the database (Spring Session JDBC's own schema): sessions survive a restart, are shared by
-- several instances, and are indexed by user so that "sign out everywhere" and a password or role change can
-- end all of a user's sessions.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- An initial password or one set by an administrator must be changed at the next sign-in; the demo's accounts
-- are exempt from that and from two-factor login while the platform runs with --demo.
alter table staff_user
    add column must_change_password boolean not null default false,
    add column demo_account         boolean not null default false;

-- The second factor: a TOTP secret, stored encrypted (AES-GCM, key outside the database), the last time step
-- used (a code is accepted once), and single-use recovery codes stored as SHA-256 digests.
create table staff_two_factor (
    user_id     bigint      primary key references staff_user (id) on delete cascade,
    secret      bytea       not null,
    enrolled_at timestamptz not null,
    last_step   bigint      not null default 0
);

create table staff_recovery_code (
    user_id   bigint      not null references staff_user (id) on delete cascade,
    code_hash bytea       not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

-- Sign-in history: every attempt at a known user name, by page or API, with the client's address and result.
create table login_event (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references staff_user (id) on delete cascade,
    occurred_at timestamptz not null,
    address     text        not null,
    channel     text        not null check (channel in ('PAGE', 'API')),
    result      text        not null check (result in ('SUCCESS', 'BAD_PASSWORD', 'BAD_SECOND_FACTOR', 'THROTTLED'))
);
create index login_event_user_idx on login_event (user_id, occurred_at desc);

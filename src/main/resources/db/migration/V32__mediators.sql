-- 调解员库: the mediators of every unit (people's mediators, professional committees, lawyers, respected locals), what
-- they mediate (dispute types), where (a region code: a village, a township or the county), the languages or
-- dialects they speak, and whether they take cases now. A mediator with a staff account (staff_user_id) has a
-- record measured from the cases: the mediation sessions that account recorded.
create table mediator (
    id            bigint generated always as identity primary key,
    name          text    not null check (length(name) between 1 and 60),
    unit_id       bigint  not null references unit (id),
    staff_user_id bigint  unique references staff_user (id),
    kind          text    not null check (kind in ('PEOPLES_MEDIATOR', 'PROFESSIONAL', 'LAWYER', 'RESPECTED_LOCAL')),
    region_code   text    not null references region (code),
    specialties   text[]  not null default '{}',
    languages     text[]  not null default '{}',
    available     boolean not null default true,
    note          text    check (length(note) <= 500)
);
create index mediator_region_idx on mediator (region_code text_pattern_ops);

-- A mediation session booked for a case (联合调解 when its mediators come from several units). A mediator's
-- bookings may not overlap; Mediators.book checks it with the mediators' rows locked.
create table mediation_booking (
    id         bigint generated always as identity primary key,
    case_id    bigint      not null references cases (id),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    place      text        not null check (length(place) between 1 and 200),
    booked_by  bigint      not null references staff_user (id),
    booked_at  timestamptz not null,
    check (ends_at > starts_at)
);
create index mediation_booking_case_idx on mediation_booking (case_id);

create table mediation_booking_mediator (
    booking_id  bigint not null references mediation_booking (id),
    mediator_id bigint not null references mediator (id),
    primary key (booking_id, mediator_id)
);
create index mediation_booking_mediator_idx on mediation_booking_mediator (mediator_id);

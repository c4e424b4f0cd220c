-- Grid work (网格): the grid workers of each grid and their patrol logs (巡查日志). Places and matters only: a
-- patrol records where the worker went while on patrol (only with their consent) and what was found there,
-- never anyone to watch (DOMAIN.md §11).
create table grid_worker (
    grid_code     varchar(15) not null references region (code),
    staff_user_id bigint      not null references staff_user (id),
    post          text        not null check (post in ('GRID_LEADER', 'FULL_TIME', 'PART_TIME')),
    since         date        not null,
    primary key (grid_code, staff_user_id)
);
create index grid_worker_user_idx on grid_worker (staff_user_id);

create table patrol (
    id               bigint generated always as identity primary key,
    grid_code        varchar(15) not null references region (code),
    staff_user_id    bigint      not null references staff_user (id),
    started_at       timestamptz not null,
    ended_at         timestamptz,
    location_consent boolean     not null default false,
    notes            text        check (length(notes) <= 5000),
    check (ended_at is null or ended_at >= started_at)
);
create index patrol_grid_idx on patrol (grid_code varchar_pattern_ops, started_at);
-- one running patrol per worker
create unique index patrol_running_idx on patrol (staff_user_id) where ended_at is null;

-- Location points, only while the patrol runs and only with consent (checked by Patrols.addPoints).
create table patrol_point (
    patrol_id   bigint           not null references patrol (id),
    recorded_at timestamptz      not null,
    latitude    double precision not null check (latitude between -90 and 90),
    longitude   double precision not null check (longitude between -180 and 180)
);
create index patrol_point_idx on patrol_point (patrol_id, recorded_at);

create table patrol_photo (
    id           bigint generated always as identity primary key,
    patrol_id    bigint      not null references patrol (id),
    content_type text        not null check (content_type in ('image/jpeg', 'image/png')),
    content      bytea       not null,
    taken_at     timestamptz not null
);
create index patrol_photo_idx on patrol_photo (patrol_id);

-- What a patrol found; a finding becomes a case in one action (channel GRID_PATROL), then case_id is set.
create table patrol_finding (
    id           bigint generated always as identity primary key,
    patrol_id    bigint      not null references patrol (id),
    found_at     timestamptz not null,
    kind         text        not null,
    dispute_type text,
    title        text        not null check (length(title) between 1 and 200),
    description  text        not null check (length(description) between 1 and 5000),
    address      text        check (length(address) <= 200),
    latitude     double precision,
    longitude    double precision,
    case_id      bigint      references cases (id)
);
create index patrol_finding_patrol_idx on patrol_finding (patrol_id);

-- The analytics module's daily rollup (docs/ARCHITECTURE.md, "Daily rollups"): the cohort counts of the cases
-- registered on one day (China time) in one village, by channel, level-1 category and dispute type, so that a city
-- or province dashboard sums a few thousand rows instead of reading every case and event. Written only by
-- org.fengqiao.analytics.DailyRollups from the cases module's reporting views (case_report, case_event_report,
-- case_suggestion_report), never from the cases tables. Merged cases are left out, as in every measure.
create table analytics_daily_rollup (
    day                 date    not null,
    region_code         text    not null,
    channel             text    not null,
    cat1                text    not null default '',  -- '' = not categorised
    dispute_type        text    not null default '',  -- '' = not a dispute
    registered          integer not null,
    closed              integer not null,
    resolved            integer not null,
    on_time             integer not null,
    handling_seconds    numeric not null,             -- Σ (closed − registered) of the closed cases
    evaluated           integer not null,
    satisfied           integer not null,
    assigned            integer not null,
    returned            integer not null,
    accepted            integer not null,             -- acceptances (events), and those by their deadline
    accepted_on_time    integer not null,
    suggestion_decided  integer not null,             -- dispatched with a category and a suggestion, and kept
    suggestion_kept     integer not null,
    unit_suggested      integer not null,             -- accepted with a suggested unit, and by that unit
    unit_kept           integer not null,
    rated_own           integer not null,             -- latest rating given by the citizen online, and satisfied
    rated_own_satisfied integer not null,
    rated_staff         integer not null,             -- latest rating entered by staff, and satisfied
    rated_staff_satisfied integer not null,
    primary key (day, region_code, channel, cat1, dispute_type)
);
-- a region's rows over a period (a city or a township selected by a province leader)
create index analytics_daily_rollup_region_idx on analytics_daily_rollup (region_code, day);

comment on table analytics_daily_rollup is
    'Cohort counts per registration day (China time), village, channel, level-1 category and dispute type; refreshed incrementally by the analytics-daily-rollup task.';

-- How far the rollup has read the event log, shared by every instance: one row.
create table analytics_rollup_state (
    id           integer     primary key default 1 check (id = 1),
    event_mark   bigint      not null,   -- the newest case event id seen by the last refresh
    refreshed_at timestamptz not null    -- when the last refresh read the cases (its figures are as of then)
);

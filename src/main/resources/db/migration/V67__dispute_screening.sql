-- 矛盾纠纷排查: every village (or grid) reports on a rhythm (weekly by default) the disputes it found, or a zero
-- report (零报告) when none. The township sees who has not reported for a period and chases them.
create table screening_report (
    id           bigint generated always as identity primary key,
    region_code  varchar(15) not null references region (code),
    period_start date        not null,
    period_end   date        not null,
    zero_report  boolean     not null,
    note         text        check (length(note) <= 2000),
    reported_by  bigint      not null references staff_user (id),
    reported_at  timestamptz not null,
    unique (region_code, period_start),
    check (period_end >= period_start)
);
create index screening_report_period_idx on screening_report (period_start, region_code varchar_pattern_ops);

create table screening_item (
    id              bigint generated always as identity primary key,
    report_id       bigint      not null references screening_report (id),
    position        int         not null,
    kind            text        not null,
    dispute_type    text,
    title           text        not null check (length(title) between 1 and 200),
    description     text        not null check (length(description) between 1 and 5000),
    address         text        check (length(address) <= 200),
    people_involved int         not null default 1 check (people_involved between 1 and 100000),
    case_id         bigint      references cases (id),
    unique (report_id, position)
);
create index screening_item_case_idx on screening_item (case_id);

-- A township's reminder to a village that has not reported (催报).
create table screening_chase (
    id           bigint generated always as identity primary key,
    region_code  varchar(15) not null references region (code),
    period_start date        not null,
    chased_by    bigint      not null references staff_user (id),
    chased_at    timestamptz not null
);
create index screening_chase_idx on screening_chase (period_start, region_code);

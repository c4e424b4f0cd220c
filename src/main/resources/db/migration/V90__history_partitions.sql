-- History that keeps growing (issue 17 §3): the two append-only logs, case_event and audit_log, become natively
-- partitioned tables with one partition per calendar year (China time), so a year of history is one table that
-- is cheap to keep (its indexes stop changing once the year is over), to detach and to archive
-- (docs/DEPLOYMENT.md, "History partitions"). case_event is partitioned by recorded_at (when the row was
-- written: the database's time, never backdated by an import), audit_log by occurred_at. Rows outside every
-- yearly partition land in a default partition, so an insert never fails for want of a partition.
--
-- audit_log loses its foreign keys, as case_event did in V15: an entry records what happened and must never be
-- refused or slowed (each key check locks the referenced user, unit and case row) because of another table;
-- users, units and cases are never deleted, only deactivated or archived.
--
-- What stays as it was: the columns, the ids (the identity continues from the highest id), the indexes, the hash
-- chains (computed from the rows' content, not their place), the immutability triggers (cloned onto every
-- partition, and the truncate guard set on each partition too, since truncating a partition does not fire the
-- parent's statement trigger), and the reporting view case_event_report.

-- Creates the yearly partitions of both logs for the years first_year..last_year that do not exist yet, with
-- their truncate guard. A year whose rows already sit in the default partition is left there (creating its
-- partition would have to move immutable rows): the rows stay readable, only that year is not split off.
-- Returns how many partitions it created. Run by the migration and each day by records.HistoryPartitions.
create function ensure_history_partitions(first_year int, last_year int) returns int language plpgsql as $$
declare
    log     record;
    y       int;
    name    text;
    created int := 0;
    low     timestamptz;
    high    timestamptz;
    held    boolean;
begin
    for log in select * from (values ('case_event', 'recorded_at'), ('audit_log', 'occurred_at')) as t(tbl, col) loop
        for y in first_year..last_year loop
            name := log.tbl || '_y' || y;
            continue when to_regclass(name) is not null;
            low := make_timestamptz(y, 1, 1, 0, 0, 0, 'Asia/Shanghai');
            high := make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai');
            execute format('select exists (select 1 from %I where %I >= $1 and %I < $2)',
                           log.tbl || '_default', log.col, log.col) into held using low, high;
            continue when held;
            execute format('create table %I partition of %I for values from (%L) to (%L)', name, log.tbl, low, high);
            execute format('create trigger %I before truncate on %I for each statement execute function refuse_truncate()',
                           name || '_never_truncated', name);
            created := created + 1;
        end loop;
    end loop;
    return created;
end $$;

-- case_event -----------------------------------------------------------------------------------------------------
drop view case_event_report;
alter table case_event rename to case_event_unpartitioned;
alter index case_event_pkey rename to case_event_unpartitioned_pkey;
alter index case_event_case_idx rename to case_event_unpartitioned_case_idx;
alter index case_event_type_idx rename to case_event_unpartitioned_type_idx;
alter index case_event_recorded_idx rename to case_event_unpartitioned_recorded_idx;

create table case_event (
    id            bigint      generated always as identity,
    case_id       bigint      not null,
    type          text        not null,
    occurred_at   timestamptz not null,
    actor_user_id bigint,
    actor_unit_id bigint,
    from_status   text,
    to_status     text,
    reason        text        check (length(reason) <= 2000),
    data          jsonb       not null default '{}',
    hash          bytea       not null,
    recorded_at   timestamptz not null default statement_timestamp(),
    primary key (id, recorded_at)
) partition by range (recorded_at);
create table case_event_default partition of case_event default;
create trigger case_event_default_never_truncated before truncate on case_event_default
    for each statement execute function refuse_truncate();

-- audit_log ------------------------------------------------------------------------------------------------------
alter table audit_log rename to audit_log_unpartitioned;
alter index audit_log_pkey rename to audit_log_unpartitioned_pkey;
alter index audit_log_user_idx rename to audit_log_unpartitioned_user_idx;
alter index audit_log_case_idx rename to audit_log_unpartitioned_case_idx;

create table audit_log (
    id          bigint      generated always as identity,
    occurred_at timestamptz not null,
    user_id     bigint,
    unit_id     bigint,
    action      text        not null,
    case_id     bigint,
    subject     text,
    detail      jsonb       not null default '{}',
    hash        bytea       not null,
    primary key (id, occurred_at)
) partition by range (occurred_at);
create table audit_log_default partition of audit_log default;
create trigger audit_log_default_never_truncated before truncate on audit_log_default
    for each statement execute function refuse_truncate();

-- The years the history holds, and this year and the next, get their partitions before the rows move in.
select ensure_history_partitions(
    least(extract(year from now() at time zone 'Asia/Shanghai')::int,
          coalesce((select min(extract(year from recorded_at at time zone 'Asia/Shanghai'))::int
                    from case_event_unpartitioned), 9999),
          coalesce((select min(extract(year from occurred_at at time zone 'Asia/Shanghai'))::int
                    from audit_log_unpartitioned), 9999)),
    greatest(extract(year from now() at time zone 'Asia/Shanghai')::int + 1,
             coalesce((select max(extract(year from recorded_at at time zone 'Asia/Shanghai'))::int
                       from case_event_unpartitioned), 0),
             coalesce((select max(extract(year from occurred_at at time zone 'Asia/Shanghai'))::int
                       from audit_log_unpartitioned), 0)));

insert into case_event (id, case_id, type, occurred_at, actor_user_id, actor_unit_id, from_status, to_status, reason,
                        data, hash, recorded_at)
overriding system value
select id, case_id, type, occurred_at, actor_user_id, actor_unit_id, from_status, to_status, reason, data, hash,
       recorded_at
from case_event_unpartitioned;
select setval(pg_get_serial_sequence('case_event', 'id'),
              coalesce((select max(id) from case_event_unpartitioned), 0) + 1, false);

insert into audit_log (id, occurred_at, user_id, unit_id, action, case_id, subject, detail, hash)
overriding system value
select id, occurred_at, user_id, unit_id, action, case_id, subject, detail, hash
from audit_log_unpartitioned;
select setval(pg_get_serial_sequence('audit_log', 'id'),
              coalesce((select max(id) from audit_log_unpartitioned), 0) + 1, false);

drop table case_event_unpartitioned;
drop table audit_log_unpartitioned;

-- The same indexes as before, on every partition (present and future).
create index case_event_case_idx on case_event (case_id, id);
create index case_event_type_idx on case_event (type, occurred_at);
create index case_event_recorded_idx on case_event using brin (recorded_at);
create index audit_log_user_idx on audit_log (user_id, occurred_at desc);
create index audit_log_case_idx on audit_log (case_id);

-- The same guards as before: no row changes or disappears, on the parent or on any partition.
create trigger case_event_immutable before update or delete on case_event
    for each row execute function forbid_change();
create trigger case_event_never_truncated before truncate on case_event
    for each statement execute function refuse_truncate();
create trigger audit_log_immutable before update or delete on audit_log
    for each row execute function forbid_change();
create trigger audit_log_never_truncated before truncate on audit_log
    for each statement execute function refuse_truncate();

create view case_event_report as
select id, case_id, type, occurred_at, actor_user_id, actor_unit_id, from_status, to_status, reason, data
from case_event;
comment on view case_event_report is
    'Reporting contract of the cases module: the immutable event log of every case, oldest first by id. Read-only.';

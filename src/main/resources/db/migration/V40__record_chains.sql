-- Records no one can quietly change (issue 13 §2). Each case event and each audit entry carries the SM3 hash of
-- the previous record's hash and its own canonical content (org.fengqiao.platform.RecordChain): one chain per
-- case, one chain for the whole audit log. V41 computes the chains of the records stored before this migration.

-- When the row was written (the database's time; occurred_at is the event's own time, which an import sets
-- in the past). The daily chain heads group events by it.
alter table case_event add column hash bytea,
                       add column recorded_at timestamptz;
alter table case_event alter column recorded_at set default statement_timestamp();
-- The hash of the case's newest event: loaded with the case, written with its new events under the optimistic
-- version check, so two writers can never both extend the chain from the same link.
alter table cases add column last_event_hash bytea;

-- One head per finished day (China time) over all cases: SM3 over the previous day's head and the hashes of the
-- events recorded that day in id order. A head is written once a day is settled and never changed.
create table record_day_head (
    day         date primary key,
    event_count int         not null,
    last_id     bigint,
    head        bytea       not null,
    previous    bytea       not null,
    sealed_at   timestamptz not null
);
create trigger record_day_head_immutable before update or delete on record_day_head
    for each row execute function forbid_change();

-- The audit log is one chain, extended under the lock of its single head row (same transaction as the insert).
alter table audit_log add column hash bytea;
create table audit_chain_head (
    id      int primary key check (id = 1),
    last_id bigint,
    hash    bytea not null
);

-- The nightly checks and what they found (the admin page warns of the last one when it found a broken link).
create table records_check (
    id          bigint generated always as identity primary key,
    checked_at  timestamptz not null,
    day         date,
    intact      boolean     not null,
    broken_link jsonb
);

-- Row triggers do not see TRUNCATE.
create function refuse_truncate() returns trigger language plpgsql as $$
begin
    raise exception '% rows are immutable', tg_table_name using errcode = 'restrict_violation';
end $$;
create trigger case_event_never_truncated before truncate on case_event
    for each statement execute function refuse_truncate();
create trigger audit_log_never_truncated before truncate on audit_log
    for each statement execute function refuse_truncate();
create trigger record_day_head_never_truncated before truncate on record_day_head
    for each statement execute function refuse_truncate();

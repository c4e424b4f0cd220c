-- The audit log's archived years (issue 17 §3): a year past the retention (fengqiao.audit.retention) can be
-- written to a file and its partition dropped (./fengqiao archive-audit). Each archived year leaves one row here:
-- the anchor from which the kept entries' chain verifies (the hash of the year's last entry), the ids it held and
-- the SM3 of the file it was written to, so the file can be checked against the database and the chain later.
create table audit_archive (
    year        int primary key,
    first_id    bigint      not null,
    last_id     bigint      not null,
    entries     bigint      not null,
    last_hash   bytea       not null,
    file_sm3    text        not null,
    archived_at timestamptz not null
);
create trigger audit_archive_immutable before update or delete on audit_archive
    for each row execute function forbid_change();
create trigger audit_archive_never_truncated before truncate on audit_archive
    for each statement execute function refuse_truncate();

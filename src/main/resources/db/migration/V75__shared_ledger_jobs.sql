-- Ledger exports and imports as rows every instance can read (issue 17): any instance behind the load balancer
-- shows a job's progress and serves its file, so pages need no sticky sessions. The instance running a job
-- writes its progress a few times a second (updated_at doubles as its heartbeat); the finished workbook is kept
-- here until the job expires (fengqiao.ledger.job-lifetime).
create table ledger_job (
    id           uuid        primary key,
    kind         text        not null check (kind in ('EXPORT', 'IMPORT')),
    owner_id     bigint      not null references staff_user (id),
    created_at   timestamptz not null,
    updated_at   timestamptz not null default now(),
    state        text        not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    phase        text        not null,
    done         bigint      not null default 0,
    total        bigint      not null default 0,
    file_name    text,
    rows         bigint      not null default 0,
    report       jsonb,
    failure_key  text,
    failure_args jsonb       not null default '[]',
    file         bytea
);
create index ledger_job_owner_idx on ledger_job (owner_id, state);
create index ledger_job_created_idx on ledger_job (created_at);

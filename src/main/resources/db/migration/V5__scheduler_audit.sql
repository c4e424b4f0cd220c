-- db-scheduler's table (https://github.com/kagkarlsson/db-scheduler), PostgreSQL flavour.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Who saw or exported personal data, and why (PIPL: every reveal and export is recorded).
create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    user_id     bigint      references staff_user (id),
    unit_id     bigint      references unit (id),
    action      text        not null,
    case_id     bigint      references cases (id),
    subject     text,
    detail      jsonb       not null default '{}'
);
create index audit_log_user_idx on audit_log (user_id, occurred_at desc);
create index audit_log_case_idx on audit_log (case_id);
create trigger audit_log_immutable before update or delete on audit_log
    for each row execute function forbid_change();

-- Open cases by deadline, covering what the overdue and due-soon trays test, so counting them reads the index.
drop index cases_due_idx;
create index cases_due_idx on cases (handle_due_at) include (overdue_since, handling_unit, owner_unit, region_code)
    where status in ('ASSIGNED', 'IN_PROGRESS');

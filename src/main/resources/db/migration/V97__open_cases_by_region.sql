-- The open cases of a region: the workbench's trays (overdue, due soon, waiting) of a township or a village read its
-- few open cases here instead of walking every open case of the platform and checking its region (357 ms → 8 ms for
-- a township of a generated province of a million cases; the walk grows with the province, this does not).
create index if not exists cases_open_region_idx on cases (region_code)
    include (overdue_since, handle_due_at, handling_unit, owner_unit)
    where status in ('ASSIGNED', 'IN_PROGRESS');

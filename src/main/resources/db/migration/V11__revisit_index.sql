-- The workbench's revisits tray looks for closed cases of a centre whose revisit falls due around now.
drop index cases_revisit_idx;
create index cases_revisit_idx on cases (owner_unit, revisit_due_at) where revisited_at is null and revisit_due_at is not null;

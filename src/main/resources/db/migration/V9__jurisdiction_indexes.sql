-- Jurisdiction and region filters are range scans on region_code (see CaseRepository.IN_JURISDICTION), which
-- need the column's default operator class; (status, handling_unit) was covered by (handling_unit, status).
drop index cases_region_idx;
create index cases_region_idx on cases (region_code, registered_at desc);
drop index cases_status_idx;

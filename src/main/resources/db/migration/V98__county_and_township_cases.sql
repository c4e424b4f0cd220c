-- A county's and a township's cases in registration order (org.fengqiao.cases.CaseSql#inRegionWrittenOut writes
-- their jurisdiction as left(region_code, 6 or 9) = the prefix). Their lists, counts and figures read them here
-- instead of walking the newest cases of the whole platform and keeping one in a hundred (a county of a province)
-- or one in a thousand (a township): that walk grows with the province, this does not. A village's cases are found
-- the same way in cases_region_idx (region_code, registered_at).
create index if not exists cases_county_idx on cases (left(region_code, 6), registered_at desc);
create index if not exists cases_township_idx on cases (left(region_code, 9), registered_at desc);
analyze cases;

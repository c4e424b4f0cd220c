-- The agenda's "repeated" section (reviews.Agendas) asks, for each case of the period with an address, whether
-- another case of the same village had that address in the last 180 days. Without an index the question read
-- every case of the village in those months (a county of 1,000,000 cases: minutes per agenda); with it, one
-- index probe per case.
create index cases_region_address_idx on cases (region_code, address, registered_at) where address is not null;

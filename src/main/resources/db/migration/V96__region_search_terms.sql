-- Region terms beside the words of every case's search terms: '@' and the case's county, township and village code
-- (org.fengqiao.cases.RegionTerms). A search within a county, township or village asks the term index for the words
-- and the region at once, so a common word is no longer looked up across the whole history and then checked against
-- the region case by case. The platform writes them for new cases; this adds them to the cases already there.
-- The term index is dropped for the rewrite and built again after it (faster than updating it row by row).
drop index if exists case_text_search_idx;

update case_text t
set search_terms = t.search_terms
    || array['@' || left(c.region_code, 6), '@' || left(c.region_code, 9), '@' || left(c.region_code, 12)]
from cases c
where c.id = t.case_id and length(c.region_code) >= 12
  and not t.search_terms @> array['@' || left(c.region_code, 6)];

set local maintenance_work_mem = '256MB';
create index case_text_search_idx on case_text using gin (search_terms) with (gin_pending_list_limit = 256);

-- A centre reaches every case in its region's subtree through the region itself; its registrant and handler
-- rows for such cases are redundant and only lengthen its jurisdiction queries (see CaseRepository).
delete from case_unit cu
using cases c, unit u, region r
where cu.case_id = c.id and cu.unit_id = u.id and u.region_code = r.code
  and u.kind = 'CENTRE' and cu.role in ('REGISTRANT', 'HANDLER')
  and left(c.region_code, case r.level when 'PROVINCE' then 2 when 'CITY' then 4 when 'COUNTY' then 6
                                       when 'TOWNSHIP' then 9 else 12 end)
      = left(u.region_code, case r.level when 'PROVINCE' then 2 when 'CITY' then 4 when 'COUNTY' then 6
                                         when 'TOWNSHIP' then 9 else 12 end);

-- The agenda's "group matters" section (reviews.Agendas, GROUP_SIZE = 5) asks for cases of 5 or more people that
-- are open or were registered in the period. Without an index on the group size it read every open case and every
-- case of the period (10,900 heap blocks for 165 rows over 1,000,000 synthetic cases); with this small partial
-- index (group matters only) it is a BitmapOr of two scans of it: the open statuses, and the period's dates.
-- The predicate must stay `people_involved >= 5` as long as the section's group size is 5.
create index cases_group_idx on cases (status, registered_at) where people_involved >= 5;

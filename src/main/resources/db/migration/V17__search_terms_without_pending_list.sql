-- A GIN index with fastupdate (the default) collects new entries in a pending list that every search reads in
-- full until it is merged: with a steady intake the list holds up to gin_pending_list_limit (4 MB by default) of
-- entries, and each lookup of a word for the duplicates panel read about 400 pages of it (60 ms instead of 1 ms
-- on 100,000 cases). Keep the list short, so that a search reads a few pages of it and an insert that fills it
-- merges it at small cost, and merge what is pending now.
alter index case_text_search_idx set (gin_pending_list_limit = 256);
select gin_clean_pending_list('case_text_search_idx');

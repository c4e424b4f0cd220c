-- Every step of the loop rewrites the case row and appends to its events; this migration takes work off that
-- path without giving up what the constraints guaranteed.

-- 1. A case's search terms never change after registration, while the case row is rewritten at every step.
--    Kept (with their GIN index) beside the case, a step no longer re-indexes them.
create table case_text (
    case_id      bigint primary key,
    search_terms text[] not null
);
insert into case_text (case_id, search_terms) select id, search_terms from cases;
create index case_text_search_idx on case_text using gin (search_terms);
drop index cases_search_idx;
alter table cases drop column search_terms;

-- 2. The rows that hang off a case (events, parties, involved units, search terms) are only ever written in
--    the same statement as the case row itself, from the case's id as that statement wrote it, and the actor
--    of an event is the signed-in user and unit. Foreign keys re-checked each of those rows against its
--    parent (a lookup and a row lock per row, about a fifth of the database's time on the loop). What they
--    protected against instead is a parent going away, and that is now refused outright: cases, units and
--    users are never deleted (units and users are deactivated), so nothing can point at a missing row.
alter table case_event drop constraint case_event_case_id_fkey,
                       drop constraint case_event_actor_user_id_fkey,
                       drop constraint case_event_actor_unit_id_fkey;
alter table case_unit drop constraint case_unit_case_id_fkey,
                      drop constraint case_unit_unit_id_fkey;
alter table case_party drop constraint case_party_case_id_fkey;

create function refuse_delete() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted (deactivate them instead)', tg_table_name
        using errcode = 'restrict_violation';
end $$;

create trigger cases_never_deleted before delete or truncate on cases
    for each statement execute function refuse_delete();
create trigger unit_never_deleted before delete or truncate on unit
    for each statement execute function refuse_delete();
create trigger staff_user_never_deleted before delete or truncate on staff_user
    for each statement execute function refuse_delete();

-- 3. Indexes no query needs: lists filter by category or grid within a jurisdiction, which the region index
--    already narrows to a village; each index costs an entry on every step of every case.
drop index cases_category_idx;
drop index cases_grid_idx;

-- Reference data cached in each instance's memory (regions, units, the taxonomy, routing rules, deadline policies
-- and the calendar) follows changes made through another instance (issue 17): every statement that changes such a
-- table moves its version here, and each instance polls the versions (cluster.ReferenceDataFollower).
create table reference_version (
    name    text   primary key,
    version bigint not null default 0
);
insert into reference_version (name) values ('region'), ('unit'), ('category'), ('routing'), ('deadline'), ('calendar');

create function bump_reference_version() returns trigger language plpgsql as $$
begin
    update reference_version set version = version + 1 where name = tg_argv[0];
    return null;
end $$;

create trigger region_version after insert or update or delete or truncate on region
    for each statement execute function bump_reference_version('region');
create trigger unit_version after insert or update or delete or truncate on unit
    for each statement execute function bump_reference_version('unit');
create trigger category_version after insert or update or delete or truncate on category
    for each statement execute function bump_reference_version('category');
create trigger dispute_type_version after insert or update or delete or truncate on dispute_type
    for each statement execute function bump_reference_version('category');
create trigger routing_rule_version after insert or update or delete or truncate on routing_rule
    for each statement execute function bump_reference_version('routing');
create trigger deadline_policy_version after insert or update or delete or truncate on deadline_policy
    for each statement execute function bump_reference_version('deadline');
create trigger calendar_day_version after insert or update or delete or truncate on calendar_day
    for each statement execute function bump_reference_version('calendar');

-- The matter admission list (网格事项准入) is kept in each instance's memory like the routing rules, and now has an
-- administration page: a change made through one instance moves the routing version, so the others read it again
-- (cluster.ReferenceDataFollower → Router.changed → MatterAdmission.changed).
create trigger matter_admission_version after insert or update or delete or truncate on matter_admission
    for each statement execute function bump_reference_version('routing');

package org.fengqiao.audit;

/**
 * Who is signed in, as the audit log records it: the principal of an authenticated request implements this
 * (the access module's {@code Actor}), so an administrator's change is recorded with its author without the
 * services that make the change having to be told.
 */
public interface AuditedActor {

    long userId();

    long unitId();
}

package org.fengqiao.organisation;

/**
 * Something happened to a staff account that ends what the user was allowed before: published inside the
 * transaction that made the change, so listeners (session and token revocation, the audit log) commit with it.
 *
 * @param userId   the account changed
 * @param username its user name (page sessions are indexed by it)
 * @param change   what changed
 */
public record StaffAccountChanged(long userId, String username, Change change) {

    /** Kinds of change. */
    public enum Change {
        /** The user changed their own password. */
        PASSWORD_CHANGED,
        /** An administrator set a new password. */
        PASSWORD_RESET,
        ROLES_CHANGED,
        DEACTIVATED,
        ACTIVATED
    }
}

package org.fengqiao.organisation;

/**
 * What an account still owes before its user may work: whether its password must be changed, and whether it
 * is one of the demo's accounts (exempt from that and from two-factor login while the demo runs).
 */
public record AccountState(boolean mustChangePassword, boolean demoAccount) {
}

package org.fengqiao.deadlines;

/**
 * The facts of a matter that deadline policies look at.
 */
public record DeadlineSubject(String channel, String kind, String categoryCode, boolean urgent) {
}

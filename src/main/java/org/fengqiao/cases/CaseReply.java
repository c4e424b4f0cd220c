package org.fengqiao.cases;

/**
 * A reply to the citizen who brought a case (答复): interim while it is handled, final when it is closed. Written
 * by the handler for the citizen, so it may be shown on the public pages; never an internal note.
 */
public record CaseReply(String text, java.time.Instant repliedAt, boolean interim) {
}

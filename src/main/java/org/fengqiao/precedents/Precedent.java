package org.fengqiao.precedents;

import java.time.Instant;
import java.util.List;

/**
 * A closed case offered as a reference (类案): what it was about, how it ended and who handled it.
 *
 * @param similarity  cosine similarity (0–1) of the two cases' texts, or null for a free-text search
 * @param sharedTerms the words both texts contain that matter most, to show why it was offered
 * @param closedBy    the person who closed it, with their unit
 * @param mediators   who mediated, as recorded in its mediation sessions (may be null)
 * @param summary     the closing summary (办结情况)
 */
public record Precedent(long caseId, String trackingCode, String title, String category, String outcome,
                        Boolean resolved, Instant closedAt, String handlingUnit, String closedBy, String mediators,
                        String summary, Double similarity, List<String> sharedTerms) {
}

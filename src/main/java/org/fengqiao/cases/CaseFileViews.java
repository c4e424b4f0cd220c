package org.fengqiao.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fengqiao.cases.CaseViews.UnitRef;

/**
 * The records a case's steps left beside it, in full, as the caller may see them (free text masked for those who
 * may not reveal personal data): what the case page's 卷宗 sections and the documents are made of.
 */
public final class CaseFileViews {

    private CaseFileViews() {
    }

    /** A mediation session: {@code heldAt} is when it was held, {@code recordedAt} when it was typed in. */
    public record Session(long id, Instant heldAt, String place, String mediators, String participants,
                          MediationResult result, String notes, Instant recordedAt, String recordedBy) {
    }

    /**
     * A mediation agreement and its judicial-confirmation referral ({@code referredAt} null: not referred; the
     * court, if one was named).
     */
    public record Agreement(long id, LocalDate signedOn, LocalDate effectiveOn, String terms, String responsibilities,
                            String performance, LocalDate performBy, Long attachmentId, Instant confirmationDueAt,
                            Instant referredAt, UnitRef court, Instant recordedAt, String recordedBy) {

        /** The referral's state at {@code at}: REFERRED, OPEN (may still be referred) or EXPIRED. */
        public String referralState(Instant at) {
            return referredAt != null ? "REFERRED" : at.isAfter(confirmationDueAt) ? "EXPIRED" : "OPEN";
        }
    }

    /** An extension request and its decision ({@code status} PENDING, APPROVED or REFUSED). */
    public record Extension(long id, Instant requestedAt, String requestedBy, Instant currentDueAt,
                            Instant requestedDueAt, String reason, String status, Instant decidedAt, String decidedBy,
                            String decisionReason) {
    }

    /** A supervision notice: a supervisor's 督办 (SUPERVISE) or the platform's 催办 (CHASE) and 通报 (REPORT). */
    public record Notice(long id, String kind, UnitRef unit, Instant issuedAt, String issuedBy, String message,
                         Instant dueAt, Instant answeredAt) {
    }

    public record Evaluation(long id, Rating rating, String comment, String source, Instant recordedAt,
                             String recordedBy) {
    }

    /** A revisit after closing: {@code method} PHONE, VISIT, SMS or ONLINE. */
    public record Revisit(long id, String method, RevisitResult result, String notes, Instant revisitedAt,
                          String recordedBy) {
    }

    /** All of a case's side records, oldest first in each list. */
    public record Records(List<Session> sessions, List<Agreement> agreements, List<Extension> extensions,
                          List<Notice> notices, List<Evaluation> evaluations, List<Revisit> revisits) {

        public Records {
            sessions = List.copyOf(sessions);
            agreements = List.copyOf(agreements);
            extensions = List.copyOf(extensions);
            notices = List.copyOf(notices);
            evaluations = List.copyOf(evaluations);
            revisits = List.copyOf(revisits);
        }

        /** The records as they stood at {@code at}: what a case file made at archiving shows. */
        public Records asOf(Instant at) {
            return new Records(sessions.stream().filter(s -> !s.recordedAt().isAfter(at)).toList(),
                    agreements.stream().filter(a -> !a.recordedAt().isAfter(at))
                            .map(a -> a.referredAt() == null || !a.referredAt().isAfter(at) ? a
                                    : new Agreement(a.id(), a.signedOn(), a.effectiveOn(), a.terms(),
                                    a.responsibilities(), a.performance(), a.performBy(), a.attachmentId(),
                                    a.confirmationDueAt(), null, null, a.recordedAt(), a.recordedBy())).toList(),
                    extensions.stream().filter(e -> !e.requestedAt().isAfter(at)).toList(),
                    notices.stream().filter(n -> !n.issuedAt().isAfter(at)).toList(),
                    evaluations.stream().filter(e -> !e.recordedAt().isAfter(at)).toList(),
                    revisits.stream().filter(r -> !r.revisitedAt().isAfter(at)).toList());
        }
    }
}

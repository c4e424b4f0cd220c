package org.fengqiao.cases;

import org.fengqiao.risk.RiskLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * What callers read about cases. Personal data of parties appears only masked here; see
 * {@link CaseQueries#revealParty}.
 */
public final class CaseViews {

    private CaseViews() {
    }

    public record Ref(String code, String name) {
    }

    public record UnitRef(long id, String name, String kind) {
    }

    public record Location(String address, Double latitude, Double longitude, String regionCode, String regionName,
                           String gridCode, String gridName) {
    }

    public record Risk(RiskLevel level, List<String> reasons) {
    }

    public record Routing(String ruleCode, String reason) {
    }

    /**
     * @param workingDaysLeft working days until the handling deadline; negative when overdue; null when no
     *                        deadline runs
     * @param acceptOverdue   assigned and not accepted by the acceptance deadline
     */
    public record Deadlines(Instant assignedAt, Instant acceptDueAt, Instant acceptedAt, Instant handleDueAt,
                            String handlePolicy, String handlePolicyDescription, Integer workingDaysLeft,
                            boolean acceptOverdue, boolean overdue, Instant overdueSince,
                            Instant chasedAt, Instant reportedAt, int extensionCount, Long pendingExtensionId) {
    }

    /**
     * What triage suggested when the case was registered without a category.
     *
     * @param unit    the unit the routing rules give for the suggested category, if any
     * @param applied the suggestion reached the threshold: the case was categorised and routed without a person
     */
    public record Suggestion(Ref category, double confidence, List<SuggestedCategory> top, UnitRef unit,
                             String ruleCode, boolean applied, double threshold, Instant suggestedAt) {
    }

    public record SuggestedCategory(Ref category, double confidence) {
    }

    public record PartyView(long id, PartyRole role, String name, String phone, String idNumber, String address,
                            boolean masked) {
    }

    /**
     * Everything about one case, as the caller may see it, in parts. The API shows the parts' fields at the top
     * level of the case ({@code title}, {@code handlingUnit}, {@code outcome} …), as it always has.
     */
    public record CaseView(long id, String trackingCode, CaseStatus status, @JsonUnwrapped Intake intake,
                           @JsonUnwrapped Classification classification, @JsonUnwrapped Matter matter,
                           @JsonUnwrapped Handling handling, @JsonUnwrapped Closure closure,
                           @JsonUnwrapped Evaluation evaluation, List<PartyView> parties, Suggestion suggestion,
                           Set<CaseAction> allowedActions, int version) {

        /** How the case came in: the channel, its reference there, when and by whom it was registered. */
        public record Intake(Channel channel, String sourceRef, Instant registeredAt, String registeredBy,
                             UnitRef registeringUnit) {
        }

        /** What kind of matter it is and how risky. */
        public record Classification(CaseKind kind, Ref category, Ref disputeType, boolean urgent, Risk risk) {
        }

        /** The matter in the citizen's words, where it is and how large. */
        public record Matter(String title, String description, Location location, int peopleInvolved,
                             BigDecimal amountInvolved) {
        }

        /**
         * Who has the case and by when: the owner, the handling and joint units, why it went there, its deadlines,
         * whether it is supervised, and how often it came back or was reopened.
         */
        public record Handling(UnitRef ownerUnit, UnitRef handlingUnit, List<UnitRef> jointUnits, Routing routing,
                               Deadlines deadlines, boolean supervised, int returnCount, int reopenCount) {
        }

        /** How it ended: outcome, closure, archiving, or merging into another case. */
        public record Closure(Outcome outcome, Boolean resolved, Instant closedAt, Boolean closedOnTime,
                              Instant archivedAt, Long mergedInto) {
        }

        /** What the citizen said of it and the revisit after. */
        public record Evaluation(Rating rating, Instant evaluatedAt, Instant revisitDueAt, Instant revisitedAt) {
        }
    }

    /** A row of a case list. */
    public record CaseSummary(long id, String trackingCode, CaseStatus status, CaseKind kind, Channel channel,
                              String title, Ref category, String disputeType, String regionCode, String regionName,
                              UnitRef handlingUnit, Instant registeredAt, Instant handleDueAt, boolean overdue,
                              RiskLevel riskLevel, boolean urgent, boolean supervised, Outcome outcome, Rating rating) {
    }

    /**
     * A row of the ledger (台账): what the list shows plus the facts a review meeting needs. No personal data:
     * no parties, no description, no address.
     *
     * @param category     the category's full path (level 1 / level 2 / level 3), or null
     * @param regionName   the region as a path below the city, e.g. 诸暨市 › 枫桥镇 › 枫源村
     * @param overdue      the handling deadline was missed (while open, or the case was closed late)
     */
    public record LedgerRow(long id, String trackingCode, Instant registeredAt, Channel channel, String sourceRef,
                            CaseKind kind, String category, String disputeType, String title, String regionName,
                            String gridName, String handlingUnit, CaseStatus status, Instant handleDueAt,
                            boolean overdue, RiskLevel riskLevel, boolean urgent, boolean supervised,
                            int peopleInvolved, BigDecimal amountInvolved, Instant closedAt, Outcome outcome,
                            Rating rating) {
    }

    /**
     * One entry of the case's timeline, built from its events. {@code occurredAt} is when the step was taken on
     * the platform; {@code happenedAt} when the thing itself happened (a mediation session's time held), the same
     * for most steps.
     */
    public record TimelineEntry(long id, String type, Instant occurredAt, Long actorUserId, String actorName,
                                Long actorUnitId, String actorUnitName, CaseStatus from, CaseStatus to, String reason,
                                Map<String, Object> data, Instant happenedAt) {

        /** Whether the thing happened at another time than it was recorded (a minute or more apart). */
        public boolean recordedLater() {
            return Math.abs(java.time.Duration.between(happenedAt, occurredAt).toSeconds()) >= 60;
        }
    }

    public record AgreementView(long id, java.time.LocalDate signedOn, java.time.LocalDate effectiveOn, String terms,
                                Instant confirmationDueAt, Instant referredAt) {
    }

    /** A case's own words: its title and description. */
    public record CaseText(String title, String description) {
    }

    public record ExtensionView(long id, Instant requestedAt, String requestedBy, Instant currentDueAt,
                                Instant requestedDueAt, String reason) {
    }

    /**
     * A page of results. {@code total} stops at {@link #COUNT_CAP} + 1; see {@link #totalCapped()}.
     */
    public record Page<T>(List<T> items, int page, int size, long total) {

        /**
         * Lists count matching cases up to this many; beyond it they say "more than 1,000 — narrow the filter"
         * (counting a whole county on every page view costs more than it tells anyone; exports count in full).
         */
        public static final int COUNT_CAP = 1_000;

        public int totalPages() {
            return size == 0 ? 0 : (int) ((Math.min(total, COUNT_CAP) + size - 1) / size);
        }

        /** There are more than {@link #COUNT_CAP} matches; narrow the filter to see them all. */
        public boolean totalCapped() {
            return total > COUNT_CAP;
        }
    }
}

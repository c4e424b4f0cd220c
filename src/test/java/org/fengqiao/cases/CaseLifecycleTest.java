package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.risk.RiskLevel;
import org.fengqiao.cases.CaseEvent.*;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;

/**
 * The lifecycle rules of a case, without Spring or a database: every transition, the event it records, and
 * the refusals.
 */
class CaseLifecycleTest {

    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    static final long CENTRE = 1;
    static final long UPPER_CENTRE = 9;
    static final long UNIT = 2;
    static final long OTHER_UNIT = 3;

    static Case.Act at(Instant t) {
        return new Case.Act(100L, CENTRE, t);
    }

    static Case registered() {
        return Case.register(new CaseId(1000), "330681-20261120-001000-0", new Case.RegistrationFacts(
                DivisionCode.of("330681109290"), null, Channel.WALK_IN,
                new Classification(CaseKind.DISPUTE, null, "NEIGHBOUR", false, RiskLevel.LOW, List.of()), CENTRE), at(T0));
    }

    static Case assigned() {
        Case c = registered();
        c.assign(new Assignment(UNIT, "NEIGHBOUR-V", "rule"), DueDates.fixed(T0.plus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(30)), "HANDLE_DISPUTE"), null, at(T0));
        return c;
    }

    static Case inProgress() {
        Case c = assigned();
        c.accept(null, at(T0.plusSeconds(3600)));
        return c;
    }

    static Case closed() {
        Case c = inProgress();
        c.close(Outcome.RESOLVED, "调解成功", T0.plus(Duration.ofDays(5)), at(T0.plus(Duration.ofDays(3))));
        return c;
    }

    static CaseEvent lastEvent(Case c) {
        return c.newEvents().getLast().event();
    }

    @Test
    void everyStatusIsEitherOpenOrConcludedWithAnOutcomeOrMerged() {
        for (CaseStatus status : CaseStatus.values()) {
            int kinds = (status.isOpen() ? 1 : 0) + (status.hasOutcome() ? 1 : 0) + (status == CaseStatus.MERGED ? 1 : 0);
            assertThat(kinds).as(status.name()).isEqualTo(1);
            assertThat(status.hasOutcome()).as(status + " allows evaluation, review or revisit only with an outcome")
                    .isEqualTo(status.allowedActions().stream().anyMatch(a -> a == CaseAction.REVISIT
                            || a == CaseAction.CONCLUDE_REVIEW || a == CaseAction.EVALUATE));
        }
    }

    @Test
    void registrationRecordsCaseRegisteredAndWaitsForDispatch() {
        Case c = registered();
        assertThat(c.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(c.newEvents()).singleElement().satisfies(e -> {
            assertThat(e.event()).isInstanceOf(CaseRegistered.class);
            assertThat(e.from()).isNull();
            assertThat(e.to()).isEqualTo(CaseStatus.REGISTERED);
            assertThat(e.actorUserId()).isEqualTo(100L);
        });
    }

    @Test
    void assignmentFixesDeadlinesAndRecordsTheRule() {
        Case c = assigned();
        assertThat(c.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(c.handlingUnit()).isEqualTo(UNIT);
        assertThat(c.handleDueAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(lastEvent(c)).isEqualTo(new CaseAssigned(UNIT, "NEIGHBOUR-V", "rule", T0.plus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(30)), "HANDLE_DISPUTE"));
    }

    @Test
    void acceptanceStartsHandling() {
        Case c = inProgress();
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(lastEvent(c)).isEqualTo(new CaseAccepted(UNIT));
    }

    @Test
    void returnSendsTheCaseBackToTheDispatcherAndCountsTheBounce() {
        Case c = assigned();
        c.returnToDispatcher("不属于本单位职责", at(T0.plusSeconds(60)));
        assertThat(c.status()).isEqualTo(CaseStatus.RETURNED);
        assertThat(c.handlingUnit()).isNull();
        assertThat(c.returnCount()).isEqualTo(1);
        assertThat(c.handleDueAt()).isNull();
        assertThat(c.newEvents().getLast().reason()).isEqualTo("不属于本单位职责");
    }

    @Test
    void returnNeedsAReason() {
        Case c = assigned();
        assertThatThrownBy(() -> c.returnToDispatcher(" ", at(T0))).isInstanceOf(ProblemException.InvalidInput.class);
        assertThat(c.status()).isEqualTo(CaseStatus.ASSIGNED);
    }

    @Test
    void transferHandsTheCaseToAnotherUnitWhichMustAcceptAfresh() {
        Case c = inProgress();
        Instant later = T0.plus(Duration.ofDays(2));
        c.transfer(OTHER_UNIT, DueDates.fixed(later.plus(Duration.ofDays(1)), later.plus(Duration.ofDays(13)), "HANDLE_DEFAULT"),
                "属劳动争议", at(later));
        assertThat(c.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(c.handlingUnit()).isEqualTo(OTHER_UNIT);
        assertThat(lastEvent(c)).isInstanceOf(CaseTransferred.class);
    }

    @Test
    void transferToTheSameUnitIsRefused() {
        Case c = inProgress();
        assertThatThrownBy(() -> c.transfer(UNIT, DueDates.fixed(T0, T0, "X"), "原因", at(T0))).isInstanceOf(CaseRefused.class);
    }

    @Test
    void escalationMovesTheCaseToTheCentreAboveForDispatch() {
        Case c = inProgress();
        c.escalate(UPPER_CENTRE, "村级调处不了", at(T0.plus(Duration.ofDays(1))));
        assertThat(c.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(c.ownerUnit()).isEqualTo(UPPER_CENTRE);
        assertThat(c.handlingUnit()).isNull();
        assertThat(lastEvent(c)).isEqualTo(new CaseEscalated(CENTRE, UPPER_CENTRE, UNIT));
    }

    @Test
    void notesAndMediationSessionsLeaveTheStatusAlone() {
        Case c = inProgress();
        c.addNote("已联系双方", at(T0.plusSeconds(7200)));
        c.recordMediation(5, T0, "村调解室", "王调解员", MediationResult.AGREED, "达成一致", at(T0.plusSeconds(9000)));
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.newEvents()).extracting(e -> e.event().type()).endsWith("ProgressNoted", "MediationSessionRecorded");
    }

    @Test
    void jointUnitsAreAddedOnce() {
        Case c = inProgress();
        c.addJointUnit(OTHER_UNIT, null, at(T0));
        assertThat(c.jointUnits()).containsExactly(OTHER_UNIT);
        assertThatThrownBy(() -> c.addJointUnit(OTHER_UNIT, null, at(T0))).isInstanceOf(CaseRefused.class);
        assertThatThrownBy(() -> c.addJointUnit(UNIT, null, at(T0))).isInstanceOf(CaseRefused.class);
    }

    @Nested
    class Extensions {

        @Test
        void approvedExtensionMovesTheDeadline() {
            Case c = inProgress();
            Instant newDue = c.handleDueAt().plus(Duration.ofDays(10));
            c.requestExtension(7, newDue, 1, "等待鉴定", at(T0.plus(Duration.ofDays(20))));
            assertThat(c.pendingExtension()).isEqualTo(7L);
            c.decideExtension(true, newDue, "同意", at(T0.plus(Duration.ofDays(21))));
            assertThat(c.handleDueAt()).isEqualTo(newDue);
            assertThat(c.extensionCount()).isEqualTo(1);
            assertThat(c.pendingExtension()).isNull();
        }

        @Test
        void refusedExtensionKeepsTheDeadline() {
            Case c = inProgress();
            Instant due = c.handleDueAt();
            c.requestExtension(7, due.plus(Duration.ofDays(5)), 1, "等待鉴定", at(T0.plus(Duration.ofDays(2))));
            c.decideExtension(false, due.plus(Duration.ofDays(5)), "不同意", at(T0.plus(Duration.ofDays(3))));
            assertThat(c.handleDueAt()).isEqualTo(due);
            assertThat(lastEvent(c)).isEqualTo(new ExtensionRefused(7));
        }

        @Test
        void extensionAfterTheDeadlineIsRefused() {
            Case c = inProgress();
            Instant after = c.handleDueAt().plusSeconds(1);
            assertThatThrownBy(() -> c.requestExtension(7, after.plus(Duration.ofDays(5)), 1, "晚了", at(after)))
                    .isInstanceOf(CaseRefused.class).hasMessage("case.extensionAfterDeadline");
        }

        @Test
        void extensionsBeyondTheLimitAreRefused() {
            Case c = inProgress();
            Instant first = c.handleDueAt().plus(Duration.ofDays(5));
            c.requestExtension(7, first, 1, "第一次", at(T0.plus(Duration.ofDays(1))));
            c.decideExtension(true, first, null, at(T0.plus(Duration.ofDays(1))));
            assertThatThrownBy(() -> c.requestExtension(8, first.plus(Duration.ofDays(5)), 1, "第二次",
                    at(T0.plus(Duration.ofDays(2))))).isInstanceOf(CaseRefused.class).hasMessage("case.extensionLimit");
        }

        @Test
        void aSecondRequestWhileOneIsPendingIsRefused() {
            Case c = inProgress();
            Instant later = c.handleDueAt().plus(Duration.ofDays(5));
            c.requestExtension(7, later, 2, "第一次", at(T0.plus(Duration.ofDays(1))));
            assertThatThrownBy(() -> c.requestExtension(8, later, 2, "又一次", at(T0.plus(Duration.ofDays(1)))))
                    .isInstanceOf(CaseRefused.class).hasMessage("case.extensionPending");
        }

        @Test
        void decidingWithoutARequestIsRefused() {
            Case c = inProgress();
            assertThatThrownBy(() -> c.decideExtension(true, T0, null, at(T0))).isInstanceOf(CaseRefused.class);
        }
    }

    @Nested
    class MissedDeadlines {

        @Test
        void overdueIsMarkedOnceWhenTheDeadlinePasses() {
            Case c = inProgress();
            assertThat(c.markOverdue(Case.Act.system(c.handleDueAt().minusSeconds(1)))).isFalse();
            assertThat(c.markOverdue(Case.Act.system(c.handleDueAt()))).isTrue();
            assertThat(c.overdueSince()).isEqualTo(c.handleDueAt());
            assertThat(lastEvent(c)).isEqualTo(new DeadlineMissed(DeadlineStep.HANDLE, c.handleDueAt()));
            assertThat(c.markOverdue(Case.Act.system(c.handleDueAt().plusSeconds(60)))).isFalse();
        }

        @Test
        void anUnacceptedCaseIsOverdueForAcceptance() {
            Case c = assigned();
            Instant acceptDue = c.acceptDueAt();
            assertThat(c.markOverdue(Case.Act.system(acceptDue.plusSeconds(1)))).isTrue();
            assertThat(lastEvent(c)).isEqualTo(new DeadlineMissed(DeadlineStep.ACCEPT, acceptDue));
        }

        @Test
        void lateAcceptanceWithinTheHandlingDeadlineClearsTheAcceptanceOverdue() {
            Case c = assigned();
            c.markOverdue(Case.Act.system(c.acceptDueAt().plusSeconds(1)));
            c.accept(null, at(c.acceptDueAt().plusSeconds(3600)));
            assertThat(c.overdueSince()).isNull();
        }

        @Test
        void chaseThenReport() {
            Case c = inProgress();
            c.markOverdue(Case.Act.system(c.handleDueAt()));
            c.chase(11, Case.Act.system(c.handleDueAt().plus(Duration.ofHours(8))));
            c.report(12, Case.Act.system(c.handleDueAt().plus(Duration.ofDays(7))));
            assertThat(c.newEvents()).extracting(e -> e.event().type())
                    .endsWith("DeadlineMissed", "CaseChased", "CaseReported");
            assertThat(c.newEvents().getLast().actorUserId()).isNull();
        }

        @Test
        void anApprovedExtensionLiftsTheOverdueMark() {
            Case c = inProgress();
            Instant newDue = c.handleDueAt().plus(Duration.ofDays(10));
            c.requestExtension(7, newDue, 1, "等待", at(c.handleDueAt().minusSeconds(3600)));
            c.markOverdue(Case.Act.system(c.handleDueAt()));
            c.decideExtension(true, newDue, null, at(c.handleDueAt().plusSeconds(60)));
            assertThat(c.overdueSince()).isNull();
        }
    }

    @Nested
    class Closing {

        @Test
        void closingRecordsOutcomeAndWhetherItWasOnTime() {
            Case c = closed();
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(c.outcome()).isEqualTo(Outcome.RESOLVED);
            assertThat(lastEvent(c)).isEqualTo(new CaseClosed(Outcome.RESOLVED, true, true, T0.plus(Duration.ofDays(5))));
        }

        @Test
        void closedIsNotResolved() {
            Case c = inProgress();
            c.close(Outcome.REFERRED_TO_LITIGATION, "调解不成，引导诉讼", T0, at(T0.plus(Duration.ofDays(40))));
            assertThat(lastEvent(c)).isEqualTo(new CaseClosed(Outcome.REFERRED_TO_LITIGATION, false, false, T0));
        }

        @Test
        void aCentreMayRejectAtIntakeButNotResolveWithoutHandling() {
            Case c = registered();
            assertThatThrownBy(() -> c.close(Outcome.RESOLVED, "直接办结", T0, at(T0)))
                    .isInstanceOf(CaseRefused.class).hasMessage("case.closeNeedsHandling");
            c.close(Outcome.REJECTED, "不属于受理范围", T0, at(T0));
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        }

        @Test
        void satisfiedEvaluationKeepsTheCaseClosed() {
            Case c = closed();
            c.evaluate(Rating.SATISFIED, "PHONE", null, at(T0.plus(Duration.ofDays(4))));
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(c.rating()).isEqualTo(Rating.SATISFIED);
        }

        @Test
        void dissatisfiedEvaluationOpensAReviewThatMayUpholdTheClosure() {
            Case c = closed();
            c.evaluate(Rating.DISSATISFIED, "PHONE", "没解决", at(T0.plus(Duration.ofDays(4))));
            assertThat(c.status()).isEqualTo(CaseStatus.UNDER_REVIEW);
            c.concludeReview(false, null, "已依法办理", at(T0.plus(Duration.ofDays(5))));
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(lastEvent(c)).isEqualTo(new ClosureUpheld());
        }

        @Test
        void aReviewMayReopenTheCaseWithTheSameUnitAndANewDeadline() {
            Case c = closed();
            c.evaluate(Rating.DISSATISFIED, "PHONE", "没解决", at(T0.plus(Duration.ofDays(4))));
            Instant newDue = T0.plus(Duration.ofDays(20));
            c.concludeReview(true, DueDates.fixed(null, newDue, "HANDLE_DISPUTE"), "重新办理", at(T0.plus(Duration.ofDays(5))));
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(c.handlingUnit()).isEqualTo(UNIT);
            assertThat(c.handleDueAt()).isEqualTo(newDue);
            assertThat(c.outcome()).isNull();
            assertThat(c.reopenCount()).isEqualTo(1);
            assertThat(lastEvent(c)).isEqualTo(new CaseReopened(CaseReopened.Cause.REVIEW, UNIT, newDue));
        }

        @Test
        void archiveFreezesTheFileAndAFailedRevisitReopensIt() {
            Case c = closed();
            c.archive(null, at(T0.plus(Duration.ofDays(6))));
            assertThat(c.status()).isEqualTo(CaseStatus.ARCHIVED);
            assertThatThrownBy(() -> c.addNote("补充", at(T0))).isInstanceOf(ActionNotAllowed.class);
            c.revisit(3, "PHONE", RevisitResult.NOT_RESOLVED, DueDates.fixed(null, T0.plus(Duration.ofDays(20)), "HANDLE_DISPUTE"), "又吵起来了",
                    at(T0.plus(Duration.ofDays(7))));
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(c.newEvents()).extracting(e -> e.event().type()).endsWith("CaseRevisited", "CaseReopened");
        }

        @Test
        void aSuccessfulRevisitChangesNothingButTheRecord() {
            Case c = closed();
            c.revisit(3, "PHONE", RevisitResult.STILL_RESOLVED, null, null, at(T0.plus(Duration.ofDays(4))));
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        }
    }

    @Test
    void mergeLinksTheDuplicateToItsMaster() {
        Case duplicate = assigned();
        Case master = inProgress();
        duplicate.mergeInto(new CaseId(2000), "330681-20261120-002000-5", "同一事项", at(T0));
        master.absorbDuplicate(new CaseId(1000), duplicate.trackingCode(), "同一事项", at(T0));
        assertThat(duplicate.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(duplicate.mergedInto()).isEqualTo(2000L);
        assertThat(lastEvent(master)).isEqualTo(new DuplicateMerged(1000, duplicate.trackingCode()));
    }

    @Test
    void aCaseCannotBeMergedIntoItself() {
        Case c = assigned();
        assertThatThrownBy(() -> c.mergeInto(new CaseId(1000), "x", "同一", at(T0))).isInstanceOf(CaseRefused.class);
    }

    @Test
    void everyRefusedActionNamesTheCurrentStatusAndTheAllowedActions() {
        Case c = closed();
        assertThatThrownBy(() -> c.accept(null, at(T0)))
                .isInstanceOfSatisfying(ActionNotAllowed.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(CaseStatus.CLOSED);
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.properties()).containsEntry("currentStatus", "CLOSED");
                    @SuppressWarnings("unchecked")
                    List<String> allowed = (List<String>) e.properties().get("allowedActions");
                    assertThat(allowed).contains("EVALUATE", "ARCHIVE", "REVISIT").doesNotContain("ACCEPT");
                });
    }

    @Test
    void aMergedCaseAllowsNothing() {
        assertThat(CaseStatus.MERGED.allowedActions()).isEmpty();
    }

    /**
     * For every status, every action outside its allowed set is refused without changing anything.
     */
    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"REGISTERED", "ASSIGNED", "IN_PROGRESS", "CLOSED"})
    void actionsOutsideTheStatusAreRefusedAndChangeNothing(CaseStatus status) {
        for (CaseAction action : EnumSet.complementOf(EnumSet.copyOf(nonEmpty(status.allowedActions())))) {
            Case c = switch (status) {
                case REGISTERED -> registered();
                case ASSIGNED -> assigned();
                case IN_PROGRESS -> inProgress();
                default -> closed();
            };
            int events = c.newEvents().size();
            assertThatThrownBy(() -> attempt(c, action)).as(status + " " + action).isInstanceOf(ActionNotAllowed.class);
            assertThat(c.status()).isEqualTo(status);
            assertThat(c.newEvents()).hasSize(events);
        }
    }

    private static Set<CaseAction> nonEmpty(Set<CaseAction> actions) {
        return actions.isEmpty() ? EnumSet.noneOf(CaseAction.class) : actions;
    }

    private static void attempt(Case c, CaseAction action) {
        Case.Act s = at(T0.plus(Duration.ofDays(1)));
        switch (action) {
            case TRIAGE -> c.triage(CaseKind.DISPUTE, null, "NEIGHBOUR", false, RiskLevel.LOW, List.of(), null, s);
            case ASSIGN -> c.assign(new Assignment(UNIT, "R", "r"), DueDates.fixed(T0, T0, "P"), null, s);
            case ACCEPT -> c.accept(null, s);
            case RETURN -> c.returnToDispatcher("原因", s);
            case TRANSFER -> c.transfer(OTHER_UNIT, DueDates.fixed(T0, T0, "P"), "原因", s);
            case ESCALATE -> c.escalate(UPPER_CENTRE, "原因", s);
            case ADD_NOTE -> c.addNote("进展", s);
            case RECORD_MEDIATION -> c.recordMediation(1, T0, "地点", "调解员", MediationResult.AGREED, null, s);
            case ADD_JOINT_UNIT -> c.addJointUnit(OTHER_UNIT, null, s);
            case REQUEST_EXTENSION -> c.requestExtension(1, T0.plus(Duration.ofDays(60)), 1, "原因", s);
            case DECIDE_EXTENSION -> c.decideExtension(true, T0, null, s);
            case SUPERVISE -> c.supervise(1, T0, "督办", s);
            case CLOSE -> c.close(Outcome.REJECTED, "说明", T0, s);
            case RECORD_AGREEMENT -> c.recordAgreement(1, LocalDate.of(2026, 11, 20), T0, null, s);
            case REFER_CONFIRMATION -> c.referConfirmation(1, null, null, s);
            case EVALUATE -> c.evaluate(Rating.SATISFIED, "PHONE", null, s);
            case CONCLUDE_REVIEW -> c.concludeReview(false, null, "原因", s);
            case ARCHIVE -> c.archive(null, s);
            case REVISIT -> c.revisit(1, "PHONE", RevisitResult.STILL_RESOLVED, null, null, s);
            case MERGE -> c.mergeInto(new CaseId(99), "x", "原因", s);
            case ATTACH -> c.attach(1, "a.jpg", "image/jpeg", 10, s);
            case REPLY -> c.reply(1, s);
        }
    }
}

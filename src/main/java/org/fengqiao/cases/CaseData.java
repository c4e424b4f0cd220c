package org.fengqiao.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.fengqiao.regions.DivisionCode;
import org.fengqiao.risk.RiskLevel;

/**
 * The state of a case as its lifecycle ({@link Case}) changes it: rebuilt from a {@link CaseState} and given
 * back as one, read by the service, the permissions and the sweep, with the events recorded since it was loaded.
 */
abstract class CaseData {

    final CaseId id;
    final String trackingCode;
    final DivisionCode region;
    final Channel channel;
    Classification cls;

    CaseStatus status;
    long ownerUnit;
    Long handlingUnit;
    final Set<Long> jointUnits;
    String routingRule;
    String routingReason;
    DueDates due;
    boolean supervised;
    int extensionCount;
    Long pendingExtension;
    int returnCount;
    int reopenCount;
    Closure closure;
    Long mergedInto;
    final int version;

    final List<RecordedEvent> newEvents = new ArrayList<>();
    /** The hash of the newest stored event, where the new events' chain continues ({@link EventChains}). */
    byte[] lastEventHash;

    CaseData(CaseState s) {
        this.id = s.id();
        this.trackingCode = s.trackingCode();
        this.region = s.region();
        this.channel = s.channel();
        this.cls = s.classification();
        this.status = s.status();
        this.ownerUnit = s.ownerUnit();
        this.handlingUnit = s.handlingUnit();
        this.jointUnits = new LinkedHashSet<>(s.jointUnits());
        this.routingRule = s.routingRule();
        this.routingReason = s.routingReason();
        this.due = s.due();
        this.supervised = s.supervised();
        this.extensionCount = s.extensionCount();
        this.pendingExtension = s.pendingExtension();
        this.returnCount = s.returnCount();
        this.reopenCount = s.reopenCount();
        this.closure = s.closure();
        this.mergedInto = s.mergedInto();
        this.version = s.version();
    }

    CaseState state() {
        return new CaseState(id, trackingCode, region, channel, cls, status, ownerUnit, handlingUnit,
                Set.copyOf(jointUnits), routingRule, routingReason, due, supervised, extensionCount, pendingExtension,
                returnCount, reopenCount, closure, mergedInto, version);
    }

    void record(CaseEvent event, Case.Act act, CaseStatus from, CaseStatus to, String reason) {
        newEvents.add(new RecordedEvent(event, act.userId(), act.unitId(), act.at(), from, to, reason));
    }

    /** Events recorded since the case was loaded, oldest first. */
    List<RecordedEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    // the state as the service, the permissions and the sweep read it
    CaseId id() { return id; }
    String trackingCode() { return trackingCode; }
    CaseStatus status() { return status; }
    DivisionCode region() { return region; }
    Channel channel() { return channel; }
    Classification classification() { return cls; }
    CaseKind kind() { return cls.kind(); }
    String categoryCode() { return cls.categoryCode(); }
    String disputeType() { return cls.disputeType(); }
    boolean urgent() { return cls.urgent(); }
    RiskLevel riskLevel() { return cls.riskLevel(); }
    long ownerUnit() { return ownerUnit; }
    Long handlingUnit() { return handlingUnit; }
    Set<Long> jointUnits() { return Set.copyOf(jointUnits); }
    DueDates due() { return due; }
    Instant handleDueAt() { return due.handleDueAt(); }
    Instant acceptDueAt() { return due.acceptDueAt(); }
    Instant overdueSince() { return due.overdueSince(); }
    Closure closure() { return closure; }
    Outcome outcome() { return closure.outcome(); }
    Rating rating() { return closure.rating(); }
    int extensionCount() { return extensionCount; }
    Long pendingExtension() { return pendingExtension; }
    int returnCount() { return returnCount; }
    int reopenCount() { return reopenCount; }
    Long mergedInto() { return mergedInto; }
    boolean supervised() { return supervised; }
}

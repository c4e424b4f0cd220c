package org.fengqiao.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fengqiao.cases.TrackingCode;
import org.fengqiao.intelligence.text.SearchTerms;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.RecordChain;
import org.fengqiao.regions.DivisionCode;

/**
 * One synthetic case at a time, as the rows the platform would have written for it: the case row, its search
 * terms, the units it involved, its evaluation and its timeline (登记 → 交办 → 签收 → 办结 → 评价 → 归档, with
 * 退回, 合并, 复核 for some), each event with its status change and its link in the case's hash chain
 * ({@link RecordChain}, the same canonical content as {@code cases.EventChains}, so {@code verify-records} checks the
 * per-case chains of the generated history too). The case's status is where its life has got to by {@code now}:
 * old cases are mostly archived, recent ones still open, a few stuck and overdue. No parties (their personal data
 * would have to be sealed with the data key one by one; the generated cases carry none).
 */
final class ProvinceCases {

    private static final String[] DISPUTES = {"NEIGHBOUR", "MARRIAGE_FAMILY", "LABOUR_WAGES", "CONTRACT_DEBT",
            "HOUSING_HOMESTEAD", "TRAFFIC", "CONSUMER", "PROPERTY_MANAGEMENT", "LAND_FOREST_WATER"};
    private static final String[] REQUESTS = {"CONSULTATION", "HELP", "COMPLAINT", "SUGGESTION", "REPORT"};
    /** Channels and their share in percent (walk-in and the hotline carry most). */
    private static final String[] CHANNELS = {"WALK_IN", "HOTLINE_12345", "ONLINE", "GRID_PATROL", "POLICE_110",
            "PETITION"};
    private static final int[] CHANNEL_SHARE = {30, 25, 15, 20, 6, 4};

    /** The tables one case writes to, each a running {@code COPY}. */
    record Sinks(CopyRows cases, CopyRows texts, CopyRows units, CopyRows events, CopyRows evaluations) {
        List<CopyRows> all() {
            return List.of(cases, texts, units, events, evaluations);
        }
    }

    /** A text and its search terms as a COPY array literal, computed once per text. */
    record Text(String title, String description, String terms) {
    }

    private final List<List<ProvinceGeography.Village>> counties;
    private final List<String> categories;
    private final List<Text> texts;
    private final Instant now;
    private final SplittableRandom random;
    private long previousId = -1;
    private String previousCode;

    ProvinceCases(List<List<ProvinceGeography.Village>> counties, List<String> categories, List<String[]> texts,
                  Instant now, long seed) {
        this.counties = counties.stream().filter(c -> !c.isEmpty()).toList();
        this.categories = categories;
        this.now = now;
        this.random = new SplittableRandom(seed);
        List<Text> prepared = new ArrayList<>();
        for (String[] t : texts.isEmpty() ? List.<String[]>of(new String[] {"合成案件", "基准测试用的合成历史案件。"}) : texts) {
            prepared.add(new Text(t[0], t[1], SearchTerms.of(t[0], t[1]).stream().map(ProvinceCases::element)
                    .collect(java.util.stream.Collectors.joining(","))));
        }
        this.texts = prepared;
    }

    /** An array element, quoted for the array literal and escaped for COPY's text format. */
    private static String element(String term) {
        return ("\"" + term.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").replace("\\", "\\\\")
                .replace("\t", "\\t").replace("\n", "\\n");
    }

    /** Writes case {@code id}, registered at {@code registered}; returns the number of events written. */
    int write(long id, Instant registered, Sinks out) {
        SplittableRandom r = random;
        List<ProvinceGeography.Village> county = counties.get(r.nextInt(counties.size()));
        ProvinceGeography.Village v = county.get(r.nextInt(county.size()));
        boolean dispute = r.nextInt(100) < 55;
        String kind = dispute ? "DISPUTE" : REQUESTS[r.nextInt(REQUESTS.length)];
        String channel = pick(r, CHANNELS, CHANNEL_SHARE);
        String disputeType = dispute ? DISPUTES[r.nextInt(DISPUTES.length)] : null;
        String category = categories.get(r.nextInt(categories.size()));
        Text text = texts.get(r.nextInt(texts.size()));
        String address = r.nextInt(4) == 0 ? "合成地址" + r.nextInt(3000) + "号" : null;
        int people = r.nextInt(50) == 0 ? 5 + r.nextInt(20) : 1 + r.nextInt(3);
        int riskRoll = r.nextInt(1000);
        String risk = riskRoll < 2 ? "SEVERE" : riskRoll < 25 ? "HIGH" : riskRoll < 105 ? "MEDIUM" : "LOW";
        String grid = v.grids().isEmpty() ? null : v.grids().get(r.nextInt(v.grids().size()));
        boolean byVillage = channel.equals("GRID_PATROL");
        long registeringUnit = byVillage ? v.villageCentre() : v.townCentre();
        long registeringUser = byVillage ? v.villageDesk() : v.townDesk();
        String code = TrackingCode.of(DivisionCode.of(v.code()), LocalDate.ofInstant(registered, ChinaTime.ZONE), id);

        // the case's life: what would happen, then how far it has got by now
        int fate = r.nextInt(1000);
        boolean merged = fate < 10 && previousId > 0;
        boolean returned = !merged && fate < 13;
        boolean stuck = !merged && !returned && fate < 20;
        boolean unaccepted = !merged && !returned && !stuck && fate < 22;
        // recent cases may still wait for dispatch (a weekend, a busy desk)
        boolean waiting = Duration.between(registered, now).toHours() < 48 && r.nextInt(4) == 0;
        int handlerRoll = r.nextInt(100);
        long handler = handlerRoll < 40 ? v.townCentre() : handlerRoll < 55 ? v.villageCentre()
                : handlerRoll < 75 ? v.justice() : handlerRoll < 88 ? v.police() : v.labour();
        long handlerUser = handler == v.townCentre() ? v.townDesk() : handler == v.villageCentre() ? v.villageDesk()
                : handler == v.justice() ? v.justiceUser() : handler == v.police() ? v.policeUser() : v.labourUser();
        boolean centreHandles = handler == v.townCentre() || handler == v.villageCentre();
        Instant assigned = registered.plus(Duration.ofMinutes(5 + r.nextInt(115)));
        Instant acceptDue = assigned.plus(Duration.ofDays(1));
        Instant handleDue = assigned.plus(Duration.ofDays(dispute ? 30 : 15));
        Instant accepted = assigned.plus(Duration.ofMinutes(60 + r.nextInt(23 * 60)));
        double meanDays = dispute ? 8 : 4;
        long closeMinutes = (long) Math.min(60 * 24 * 60, 24 * 60 * (0.5 + -meanDays * Math.log(1 - r.nextDouble())));
        Instant closed = stuck ? null : accepted.plus(Duration.ofMinutes(closeMinutes));
        boolean evaluates = r.nextInt(10) < 9;
        int ratingRoll = r.nextInt(100);
        String rating = ratingRoll < 2 ? "DISSATISFIED" : ratingRoll < 12 ? "BASICALLY_SATISFIED" : "SATISFIED";
        Instant evaluated = closed == null || !evaluates ? null : closed.plus(Duration.ofMinutes(240 + r.nextInt(68 * 60)));
        Instant upheld = evaluated != null && rating.equals("DISSATISFIED") && r.nextInt(10) < 7
                ? evaluated.plus(Duration.ofDays(3 + r.nextInt(8))) : null;
        Instant settled = upheld != null ? upheld : evaluated != null ? evaluated : closed;
        Instant archived = settled == null || r.nextInt(100) >= 95 || (rating.equals("DISSATISFIED") && upheld == null)
                ? null : settled.plus(Duration.ofDays(3 + r.nextInt(12)));
        int outcomeRoll = r.nextInt(100);
        String outcome = dispute ? (outcomeRoll < 82 ? "RESOLVED" : outcomeRoll < 94 ? "PARTIALLY_RESOLVED"
                : "NOT_RESOLVED") : "ANSWERED";
        boolean resolved = outcome.equals("RESOLVED") || outcome.equals("ANSWERED");

        Chain chain = new Chain(id, out.events());
        chain.add("CaseRegistered", registered, registeringUser, registeringUnit, null, "REGISTERED", null,
                "{\"categoryCode\":" + q(category) + ",\"channel\":" + q(channel) + ",\"disputeType\":" + q(disputeType)
                        + ",\"gridCode\":" + q(grid) + ",\"kind\":" + q(kind) + ",\"ownerUnit\":" + v.townCentre()
                        + ",\"regionCode\":" + q(v.code()) + ",\"registeringUnit\":" + registeringUnit
                        + ",\"riskLevel\":" + q(risk) + "}");
        String status = "REGISTERED";
        Long mergedInto = null;
        Long handling = null;
        Instant assignedAt = null;
        Instant acceptedAt = null;
        Instant closedAt = null;
        Instant evaluatedAt = null;
        Instant archivedAt = null;
        String ratingGiven = null;
        if (merged) {
            Instant at = registered.plus(Duration.ofMinutes(30 + r.nextInt(270)));
            if (at.isBefore(now)) {
                chain.add("CaseMerged", at, v.townDesk(), v.townCentre(), "REGISTERED", "MERGED", "与在先受理的案件重复，合并办理",
                        "{\"masterCaseId\":" + previousId + ",\"masterTrackingCode\":" + q(previousCode) + "}");
                status = "MERGED";
                mergedInto = previousId;
            }
        } else if (!waiting && assigned.isBefore(now)) {
            chain.add("CaseAssigned", assigned, v.townDesk(), v.townCentre(), "REGISTERED", "ASSIGNED", null,
                    "{\"acceptDueAt\":" + q(acceptDue.toString()) + ",\"handleDueAt\":" + q(handleDue.toString())
                            + ",\"handlePolicy\":null,\"routingReason\":null,\"ruleCode\":null,\"unitId\":" + handler + "}");
            status = "ASSIGNED";
            handling = handler;
            assignedAt = assigned;
            if (!centreHandles) {
                out.units().add(id).add(handler).add("HANDLER").add(assigned).end();
            }
            Instant returnedAt = assigned.plus(Duration.ofMinutes(120 + r.nextInt(1000)));
            if (returned && returnedAt.isBefore(now)) {
                chain.add("CaseReturned", returnedAt, handlerUser, handler, "ASSIGNED", "RETURNED", "不属于本单位职责范围",
                        "{\"unitId\":" + handler + "}");
                status = "RETURNED";
                handling = null;
                assignedAt = null;
            } else if (!returned && !unaccepted && accepted.isBefore(now)) {
                chain.add("CaseAccepted", accepted, handlerUser, handler, "ASSIGNED", "IN_PROGRESS", null,
                        "{\"unitId\":" + handler + "}");
                status = "IN_PROGRESS";
                acceptedAt = accepted;
                if (closed != null && closed.isBefore(now)) {
                    boolean onTime = !closed.isAfter(handleDue);
                    chain.add("CaseClosed", closed, handlerUser, handler, "IN_PROGRESS", "CLOSED", "经调解处理完毕",
                            "{\"onTime\":" + onTime + ",\"outcome\":" + q(outcome) + ",\"resolved\":" + resolved
                                    + ",\"revisitDueAt\":null}");
                    status = "CLOSED";
                    closedAt = closed;
                    if (evaluated != null && evaluated.isBefore(now)) {
                        String to = rating.equals("DISSATISFIED") ? "UNDER_REVIEW" : "CLOSED";
                        chain.add("CaseEvaluated", evaluated, v.townDesk(), v.townCentre(), "CLOSED", to, null,
                                "{\"rating\":" + q(rating) + ",\"source\":\"PHONE\"}");
                        out.evaluations().add(id).add(rating).add((String) null).add("PHONE").add(evaluated)
                                .add(v.townDesk()).end();
                        status = to;
                        evaluatedAt = evaluated;
                        ratingGiven = rating;
                        if (upheld != null && upheld.isBefore(now)) {
                            chain.add("ClosureUpheld", upheld, v.townDesk(), v.townCentre(), "UNDER_REVIEW", "CLOSED",
                                    "复核认为办理得当，维持办结", "{}");
                            status = "CLOSED";
                        }
                    }
                    if (status.equals("CLOSED") && archived != null && archived.isBefore(now)) {
                        chain.add("CaseArchived", archived, v.townDesk(), v.townCentre(), "CLOSED", "ARCHIVED", null, "{}");
                        status = "ARCHIVED";
                        archivedAt = archived;
                    }
                }
            }
        }
        boolean open = status.equals("ASSIGNED") || status.equals("IN_PROGRESS");
        Instant overdueSince = !open ? null : status.equals("ASSIGNED") && acceptDue.isBefore(now) ? acceptDue
                : handleDue.isBefore(now) ? handleDue : null;
        boolean hasDeadlines = assignedAt != null;
        out.cases().add(id).add(code).add(status).add(kind).add(channel).add(category).add(disputeType)
                .add(text.title()).add(text.description()).add(address).add(v.code()).add(grid).add((long) people)
                .add(risk).add(registered).add(registeringUser).add(registeringUnit).add(v.townCentre()).add(handling)
                .add(assignedAt).add(hasDeadlines ? acceptDue : null).add(acceptedAt).add(hasDeadlines ? handleDue : null)
                .add(overdueSince).add(closedAt == null ? null : outcome).add(closedAt == null ? null : resolved)
                .add(closedAt).add(closedAt == null ? null : !closedAt.isAfter(handleDue)).add(ratingGiven)
                .add(evaluatedAt).add(archivedAt).add(mergedInto).add((long) chain.count - 1)
                .add(chain.tip).add(status.equals("RETURNED") ? 1L : 0L).end();
        out.texts().add(id).raw("{" + text.terms() + (text.terms().isEmpty() ? "" : ",")
                + String.join(",", java.util.stream.Stream.concat(SearchTerms.of(code).stream(),
                        org.fengqiao.cases.RegionTerms.of(v.code()).stream()).map(ProvinceCases::element).toList())
                + "}").end();
        if (!merged) {
            previousId = id;
            previousCode = code;
        }
        return chain.count;
    }

    /** The columns {@link #write} fills, in its order. */
    static final String CASE_COLUMNS = "id, tracking_code, status, kind, channel, category_code, dispute_type, title, "
            + "description, address, region_code, grid_code, people_involved, risk_level, registered_at, registered_by, "
            + "registering_unit, owner_unit, handling_unit, assigned_at, accept_due_at, accepted_at, handle_due_at, "
            + "overdue_since, outcome, resolved, closed_at, closed_on_time, rating, evaluated_at, archived_at, "
            + "merged_into, version, last_event_hash, return_count";
    static final String EVENT_COLUMNS = "case_id, type, occurred_at, actor_user_id, actor_unit_id, from_status, "
            + "to_status, reason, data, hash, recorded_at";
    static final String TEXT_COLUMNS = "case_id, search_terms";
    static final String UNIT_COLUMNS = "case_id, unit_id, role, since";
    static final String EVALUATION_COLUMNS = "case_id, rating, comment, source, recorded_at, recorded_by";

    /** A case's events, each linked to the one before (the same canonical content as the platform's writer). */
    private static final class Chain {
        private final long caseId;
        private final CopyRows events;
        private byte[] tip = RecordChain.GENESIS;
        private int count;

        Chain(long caseId, CopyRows events) {
            this.caseId = caseId;
            this.events = events;
        }

        /** {@code data}: JSON already in canonical form (keys sorted, no spaces), as stored and as hashed. */
        void add(String type, Instant at, long user, long unit, String from, String to, String reason, String data) {
            tip = RecordChain.link(tip, RecordChain.content("case_event").number(caseId).text(type).time(at)
                    .number(user).number(unit).text(from).text(to).text(reason).text(data).bytes());
            // recorded when it happened, as by a platform in service: each event lies in its year's partition
            events.add(caseId).add(type).add(at).add(user).add(unit).add(from).add(to).add(reason).add(data).add(tip)
                    .add(at).end();
            count++;
        }
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static String pick(SplittableRandom r, String[] values, int[] shares) {
        int roll = r.nextInt(100);
        for (int i = 0; i < values.length; i++) {
            roll -= shares[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}

package org.fengqiao.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands.*;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.Channel;
import org.fengqiao.cases.Outcome;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.cases.Rating;
import org.fengqiao.platform.PlatformClock;

/**
 * Fills the database with a year of realistic cases for page benchmarks, through the same services as live
 * data and at their historical times: every case is registered and routed; most are accepted, closed,
 * evaluated and archived; some stay open, some of those overdue.
 */
@Component
class CaseSeeder {

    /** Up to this many cases the page benchmark seeds through the services; beyond, {@link ProvinceHistory} in bulk. */
    static final int SERVICE_SEEDING_UP_TO = 100_000;

    private static final String[] DISPUTES = {"NEIGHBOUR", "MARRIAGE_FAMILY", "LABOUR_WAGES", "CONTRACT_DEBT",
            "HOUSING_HOMESTEAD", "TRAFFIC", "CONSUMER", "PROPERTY_MANAGEMENT", "LAND_FOREST_WATER"};
    private static final CaseKind[] REQUESTS = {CaseKind.CONSULTATION, CaseKind.HELP, CaseKind.COMPLAINT,
            CaseKind.SUGGESTION};
    private static final Channel[] CHANNELS = {Channel.WALK_IN, Channel.HOTLINE_12345, Channel.GRID_PATROL,
            Channel.ONLINE, Channel.POLICE_110, Channel.PETITION};

    private final CaseService cases;
    private final BenchActors actors;
    private final JdbcClient jdbc;
    private final PlatformClock clock;

    CaseSeeder(CaseService cases, BenchActors actors, JdbcClient jdbc, PlatformClock clock) {
        this.cases = cases;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long count() {
        return jdbc.sql("select count(*) from case_report").query(Long.class).single();
    }

    /** Adds cases saying {@code texts} until the database holds {@code target}; returns how many were added. */
    int seedUpTo(int target, int threads, SeedTexts texts) {
        int missing = (int) Math.max(0, target - count());
        if (missing == 0) {
            return 0;
        }
        Actor intake = actors.named("fq.intake");
        Actor dispatcher = actors.named("fq.dispatcher");
        List<String> villages = actors.fengqiaoVillages();
        Instant now = clock.instant();
        long justice = actors.unitId("FQ-SFS");
        LoadGenerator.run(missing, threads, i -> {
            Random r = new Random(7_000_000L + i);
            Instant registered = now.minus(Duration.ofMinutes((long) (r.nextDouble() * 365 * 24 * 60)));
            boolean dispute = r.nextInt(100) < 55;
            String[] text = texts.of(i, dispute);
            RegisterCase command = new RegisterCase(CHANNELS[r.nextInt(CHANNELS.length)], null,
                    dispute ? CaseKind.DISPUTE : REQUESTS[r.nextInt(REQUESTS.length)], null,
                    dispute ? DISPUTES[r.nextInt(DISPUTES.length)] : null, text[0], text[1], null, null, null,
                    villages.get(r.nextInt(villages.size())), 1 + r.nextInt(3), null, false,
                    List.of(new PartyInput(PartyRole.APPLICANT, "示例" + i, String.format("1360000%04d", i % 10_000), null,
                            null)), null, null);
            long id = clock.at(registered, () -> cases.register(intake, command)).id();
            Long unit = jdbc.sql("select handling_unit from case_report where id = ?").param(id).query(Long.class).optional()
                    .orElse(null);
            if (unit == null) {
                clock.at(registered.plusSeconds(600), () -> cases.assign(dispatcher, id, new Assign(justice, null)));
                unit = jdbc.sql("select handling_unit from case_report where id = ?").param(id).query(Long.class).single();
            }
            long handlingUnit = unit;
            Actor handler = actors.handlerOf(handlingUnit);
            double ageDays = Duration.between(registered, now).toHours() / 24.0;
            if (ageDays < 2 && r.nextBoolean()) {
                return;
            }
            Instant accepted = registered.plus(Duration.ofHours(2 + r.nextInt(20)));
            if (accepted.isAfter(now)) {
                return;
            }
            clock.at(accepted, () -> cases.accept(handler, id, null));
            Instant closed = accepted.plus(Duration.ofHours((long) (r.nextDouble() * Math.min(ageDays, 40) * 24)));
            if (closed.isAfter(now) || r.nextInt(100) < 8) {
                return;
            }
            clock.at(closed, () -> cases.close(handler, id, new Close(r.nextInt(10) < 8 ? Outcome.RESOLVED
                    : Outcome.PARTIALLY_RESOLVED, "经调解已处理", "您反映的问题已办理")));
            Instant evaluated = closed.plus(Duration.ofHours(20));
            if (evaluated.isAfter(now)) {
                return;
            }
            clock.at(evaluated, () -> cases.evaluate(intake, id, new Evaluation(r.nextInt(10) < 9 ? Rating.SATISFIED
                    : Rating.BASICALLY_SATISFIED, null, "PHONE")));
            Instant archived = evaluated.plus(Duration.ofDays(2));
            if (!archived.isAfter(now)) {
                clock.at(archived, () -> cases.archive(dispatcher, id, null));
            }
        });
        return missing;
    }
}

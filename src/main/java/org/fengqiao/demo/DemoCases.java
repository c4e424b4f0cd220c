package org.fengqiao.demo;

import static org.fengqiao.demo.DemoData.days;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands.*;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.CaseViews.CaseView;
import org.fengqiao.cases.CaseViews.UnitRef;
import org.fengqiao.cases.Channel;
import org.fengqiao.cases.MediationResult;
import org.fengqiao.cases.Outcome;
import org.fengqiao.cases.Rating;
import org.fengqiao.cases.RevisitResult;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.organisation.Unit;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.PlatformClock;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.Regions;

/**
 * About 300 demo cases over the last six months, each taken as far along the closed loop as its age allows:
 * old cases are mostly archived, recent ones still being handled, some overdue, returned, escalated,
 * supervised, extended, reviewed after a dissatisfied rating, or merged as duplicates. Every step goes
 * through {@link CaseService} at its historical time, so timelines, deadlines and measures are real.
 */
@Component
class DemoCases {

    static final int COUNT = 300;

    private final CaseService cases;
    private final CaseQueries queries;
    private final Categories categories;
    private final Regions regions;

    DemoCases(CaseService cases, CaseQueries queries, Categories categories, Regions regions) {
        this.cases = cases;
        this.queries = queries;
        this.categories = categories;
        this.regions = regions;
    }

    int load(Map<String, Actor> actors, Map<String, Unit> units, PlatformClock clock) {
        Random random = new Random(20261121L);
        List<DemoMatters.Template> templates = DemoMatters.templates();
        List<Region> villages = regions.children(DivisionCode.of(DemoData.TOWN));
        Map<String, Category> byPath = new HashMap<>();
        categories.list().forEach(c -> byPath.put(c.path(), c));
        Instant now = clock.instant();
        Walk walk = new Walk(actors, units, clock, now, random);
        List<Long> earlier = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            DemoMatters.Template t = templates.get(random.nextInt(templates.size()));
            int villageIndex = random.nextInt(villages.size());
            Region village = villages.get(villageIndex);
            double age = 180 * Math.pow(random.nextDouble(), 1.3);
            Instant registeredAt = officeHours(now.minus(days(age)), random);
            if (!registeredAt.isBefore(now)) {
                registeredAt = now.minus(Duration.ofHours(1 + random.nextInt(5)));
            }
            Channel channel = DemoMatters.channel(t, random);
            Actor intake = walk.registrar(channel, village);
            RegisterCase cmd = DemoMatters.command(t, channel, village, DemoGeography.village(villageIndex), byPath, random);
            CaseService.Registration r = clock.at(registeredAt, () -> cases.register(intake, cmd));
            walk.lifecycle(r.id(), registeredAt, earlier);
            earlier.add(r.id());
        }
        return COUNT;
    }

    private static Instant officeHours(Instant around, Random random) {
        LocalDate day = ChinaTime.dateOf(around);
        if ((day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) && random.nextInt(5) > 0) {
            day = day.minusDays(day.getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 2);
        }
        LocalTime time = LocalTime.of(8, 30).plusMinutes(random.nextInt(9 * 60));
        return day.atTime(time).atZone(ChinaTime.ZONE).toInstant();
    }

    /** Takes one case along the loop, step by step, until its story or the present stops it. */
    private final class Walk {
        private final Map<String, Actor> actors;
        private final Map<Long, Actor> byUnit = new HashMap<>();
        private final PlatformClock clock;
        private final Instant now;
        private final Random random;

        Walk(Map<String, Actor> actors, Map<String, Unit> units, PlatformClock clock, Instant now, Random random) {
            this.actors = actors;
            this.clock = clock;
            this.now = now;
            this.random = random;
            for (Actor a : actors.values()) {
                if (a.username().endsWith(".desk") || a.username().endsWith(".handler")) {
                    byUnit.put(a.unitId(), a);
                }
            }
        }

        Actor registrar(Channel channel, Region village) {
            String v = village.code().value();
            return switch (channel) {
                case GRID_PATROL, ONLINE -> DemoData.GRID_VILLAGES.containsKey(v)
                        ? actors.get(DemoData.GRID_VILLAGES.get(v) + ".grid")
                        : byUnit.values().stream().filter(a -> a.username().equals("c" + v + ".desk")).findFirst()
                        .orElse(actors.get("fq.intake"));
                case POLICE_110 -> actors.get("fq.police");
                default -> actors.get("fq.intake");
            };
        }

        private Actor of(long unitId) {
            return byUnit.get(unitId);
        }

        private CaseView view(long id) {
            return queries.get(actors.get("admin"), id);
        }

        /** Runs the step at {@code at} if that is still in the past; returns whether it ran. */
        private boolean at(Instant at, Runnable step) {
            if (!at.isBefore(now)) {
                return false;
            }
            clock.at(at, step);
            return true;
        }

        void lifecycle(long id, Instant t0, List<Long> earlier) {
            Actor supervisor = actors.get("fq.supervisor");
            CaseView c = view(id);
            Instant t = t0;
            int fate = random.nextInt(100);
            Actor desk = of(c.handling().ownerUnit().id());
            // duplicates: merged into an earlier open case
            if (fate < 3 && !earlier.isEmpty()) {
                long master = earlier.get(earlier.size() - 1 - random.nextInt(Math.min(earlier.size(), 10)));
                CaseView m = view(master);
                if (m.status() != CaseStatus.MERGED && m.handling().ownerUnit().id() == c.handling().ownerUnit().id()) {
                    at(t.plus(Duration.ofMinutes(40)), () -> cases.merge(desk, id, new Merge(master, "与" + m.trackingCode() + "反映同一事项，合并办理")));
                    return;
                }
            }
            // cases the rules could not route: the dispatcher assigns by hand (or closes at intake)
            if (c.status() == CaseStatus.REGISTERED) {
                t = t.plus(Duration.ofMinutes(30 + random.nextInt(240)));
                if (fate < 8) {
                    return;
                }
                if (fate < 12) {
                    at(t, () -> cases.close(desk, id, new Close(Outcome.ANSWERED, "已当场答复，群众表示清楚。",
                            "您好！您咨询的问题已当场答复，如有疑问请再联系我们。")));
                    afterClose(id, t, desk);
                    return;
                }
                UnitRef owner = c.handling().ownerUnit();
                if (owner.kind().equals("CENTRE") && !DemoData.TOWN.equals(regionOf(owner.id()))
                        && fate < 20) {
                    if (!at(t, () -> cases.escalate(desk, id, new Escalate("村级调处力量不足，申请镇里统筹处理")))) {
                        return;
                    }
                    t = t.plus(Duration.ofHours(2));
                }
                CaseView cv = view(id);
                Actor dispatcher = of(cv.handling().ownerUnit().id());
                if (!at(t, () -> cases.assign(dispatcher, id, new Assign(
                        units("FQ-SFS"), "请司法所牵头调处")))) {
                    return;
                }
            }
            c = view(id);
            Actor handler = of(c.handling().handlingUnit().id());
            // a wrong dispatch is returned, then dispatched again
            if (fate >= 20 && fate < 26) {
                t = t.plus(days(0.3 + random.nextDouble()));
                Actor refusing = handler;
                if (!at(t, () -> cases.returnCase(refusing, id, new Return("该事项不属于本单位职责范围，请重新分派")))) {
                    return;
                }
                if (fate < 23) {
                    return;
                }
                t = t.plus(Duration.ofHours(3));
                Actor dispatcher = of(view(id).handling().ownerUnit().id());
                if (!at(t, () -> cases.assign(dispatcher, id, new Assign(units("FQ-SFS"), "重新分派至司法所")))) {
                    return;
                }
                c = view(id);
                handler = of(c.handling().handlingUnit().id());
            }
            // acceptance, sometimes late
            t = t.plus(days(random.nextInt(10) == 0 ? 2 + random.nextDouble() * 2 : 0.1 + random.nextDouble() * 0.8));
            Actor h = handler;
            if (!at(t, () -> cases.accept(h, id, "已签收，安排专人办理"))) {
                return;
            }
            if (fate >= 26 && fate < 29) {
                CaseView current = view(id);
                Unit to = transferTarget(current);
                if (to != null) {
                    t = t.plus(days(0.5));
                    if (!at(t, () -> cases.transfer(h, id, new Transfer(to.id(), "涉及" + to.name() + "职能，转其办理")))) {
                        return;
                    }
                    handler = of(to.id());
                    Actor h2 = handler;
                    t = t.plus(days(0.3));
                    if (!at(t, () -> cases.accept(h2, id, null))) {
                        return;
                    }
                }
            }
            Actor worker = handler;
            CaseView progressing = view(id);
            Instant due = progressing.handling().deadlines().handleDueAt();
            double span = Duration.between(t, due).toMinutes() / 1440.0;
            boolean late = random.nextInt(100) < 12;
            double toClose = late ? Math.max(span, 0) + 1 + random.nextDouble() * 6
                    : Math.max(0.05, span * (0.2 + 0.7 * random.nextDouble()));
            Instant start = t;
            Instant closeAt = t.plus(days(toClose));
            // steps in time order between acceptance and closing
            at(start.plus(days(toClose * 0.3)), () -> cases.addNote(worker, id,
                    new Note("已联系当事人了解情况，正在协调处理。")));
            Instant ask = start.plus(days(toClose * 0.4));
            if (fate >= 29 && fate < 35 && ask.isBefore(due.minus(Duration.ofHours(2)))) {
                LocalDate until = lastHandlingDay(progressing).plusDays(5);
                if (at(ask, () -> cases.requestExtension(worker, id, new ExtensionRequest(until, "需等待鉴定结果，申请延期")))) {
                    boolean approve = random.nextInt(4) > 0;
                    at(ask.plus(days(toClose * 0.05)), () -> cases.decideExtension(supervisor, id,
                            new ExtensionDecision(approve, approve ? "同意延期，请抓紧办理" : "不同意延期，请按期办结")));
                }
            }
            if (fate >= 35 && fate < 41) {
                at(start.plus(days(toClose * 0.5)), () -> cases.supervise(supervisor, id,
                        new Supervision("该事项群众反映强烈，请加快办理进度并于期限内反馈。", null)));
            }
            if (progressing.classification().kind() == CaseKind.DISPUTE) {
                Instant session = start.plus(days(toClose * 0.6));
                at(session, () -> cases.recordMediation(worker, id, new MediationSession(session, "村调解室",
                        worker.displayName(), "双方当事人", random.nextInt(4) == 0 ? MediationResult.ADJOURNED
                        : MediationResult.AGREED, "双方陈述了各自意见，调解员释法析理。")));
            }
            t = closeAt;
            if (!t.isBefore(now)) {
                return;
            }
            Outcome outcome = progressing.classification().kind() == CaseKind.DISPUTE
                    ? (random.nextInt(10) < 8 ? Outcome.RESOLVED : random.nextBoolean() ? Outcome.PARTIALLY_RESOLVED
                    : Outcome.REFERRED_TO_LITIGATION)
                    : (random.nextInt(10) < 9 ? Outcome.ANSWERED : Outcome.UNFOUNDED);
            at(t, () -> cases.close(worker, id, new Close(outcome, closingSummary(outcome),
                    "您好！您反映的问题办理情况如下：" + closingSummary(outcome))));
            if (progressing.classification().kind() == CaseKind.DISPUTE && outcome == Outcome.RESOLVED
                    && random.nextInt(3) == 0) {
                Instant signed = t;
                at(t.plus(Duration.ofMinutes(10)), () -> cases.recordAgreement(worker, id, new Agreement(
                        ChinaTime.dateOf(signed), null, "双方自愿达成如下协议：一、……；二、……。", null)));
            }
            afterClose(id, t, of(view(id).handling().ownerUnit().id()));
        }

        private void afterClose(long id, Instant closedAt, Actor desk) {
            CaseView c = view(id);
            if (c.status() != CaseStatus.CLOSED) {
                return;
            }
            Instant t = closedAt.plus(days(0.5 + random.nextDouble() * 2));
            int r = random.nextInt(100);
            Rating rating = r < 70 ? Rating.SATISFIED : r < 91 ? Rating.BASICALLY_SATISFIED : Rating.DISSATISFIED;
            if (!at(t, () -> cases.evaluate(desk, id, new Evaluation(rating, rating == Rating.DISSATISFIED
                    ? "问题没有真正解决" : "处理及时，态度很好", "PHONE")))) {
                return;
            }
            if (rating == Rating.DISSATISFIED) {
                Actor supervisor = actors.get("fq.supervisor");
                boolean reopen = random.nextBoolean();
                at(t.plus(days(1 + random.nextDouble() * 2)), () -> cases.concludeReview(supervisor, id,
                        new ReviewDecision(reopen, reopen ? "经复核，诉求未解决到位，责成承办单位重新办理" : "经复核，已依法依规办理，维持办结")));
                return;
            }
            t = t.plus(days(0.5 + random.nextDouble()));
            if (random.nextInt(8) > 0) {
                RevisitResult result = random.nextInt(25) == 0 ? RevisitResult.NOT_RESOLVED : RevisitResult.STILL_RESOLVED;
                if (!at(t, () -> cases.revisit(desk, id, new Revisit("PHONE", result, result == RevisitResult.NOT_RESOLVED
                        ? "当事人反映问题又出现了" : "当事人表示问题已解决")))) {
                    return;
                }
                if (result == RevisitResult.NOT_RESOLVED) {
                    return;
                }
            }
            at(t.plus(days(1 + random.nextDouble() * 4)), () -> cases.archive(desk, id, null));
        }

        /** Another unit at the same level: the town's justice office, its police station, or the village centre. */
        private Unit transferTarget(CaseView c) {
            Unit current = byUnit.get(c.handling().handlingUnit().id()).unit();
            String code = switch (current.level()) {
                case VILLAGE -> "C" + current.regionCode().value();
                case TOWNSHIP -> current.code().equals("FQ-SFS") ? "FQ-PCS" : "FQ-SFS";
                default -> null;
            };
            return code == null ? null : actors.values().stream().map(Actor::unit)
                    .filter(u -> u.code().equals(code)).findFirst().orElse(null);
        }

        private String regionOf(long unitId) {
            return byUnit.get(unitId).unit().regionCode().value();
        }

        private long units(String code) {
            return actors.values().stream().filter(a -> a.unit().code().equals(code)).findFirst().orElseThrow().unitId();
        }
    }

    private static LocalDate lastHandlingDay(CaseView c) {
        return org.fengqiao.deadlines.Deadlines.lastDayOf(c.handling().deadlines().handleDueAt());
    }

    private static String closingSummary(Outcome outcome) {
        return switch (outcome) {
            case RESOLVED -> "经调解，双方达成一致意见，矛盾已化解。";
            case PARTIALLY_RESOLVED -> "经调解，双方就主要问题达成一致，剩余问题引导通过法律途径解决。";
            case REFERRED_TO_LITIGATION -> "经多次调解未能达成一致，已引导当事人向人民法院起诉。";
            case UNFOUNDED -> "经现场核实，反映情况不属实，已向群众说明。";
            default -> "已按政策规定办理并答复群众，群众表示认可。";
        };
    }
}

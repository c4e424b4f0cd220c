package org.fengqiao.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.grids.GridWorkers;
import org.fengqiao.grids.Patrols;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.PlatformClock;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.GeoJson;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;
import org.fengqiao.reviews.ReviewMeetings;
import org.fengqiao.screening.Screening;

/**
 * The demo's grid work and review meetings, through the same services as live data: the grid workers of the
 * demo grids, a week of patrols with findings, four weeks of screening reports from the township's villages
 * (one village never reports, so the township has someone to chase), and past meetings with minutes and
 * follow-up tasks (the township's last two weekly consultations, the county's last monthly review).
 */
@Component
class DemoGridWork {

    /** The village that never reports in the demo. */
    static final String SILENT_VILLAGE = "330681109295";

    private final GridWorkers workers;
    private final Patrols patrols;
    private final Screening screening;
    private final ReviewMeetings meetings;
    private final Regions regions;
    private final JdbcClient jdbc;

    DemoGridWork(GridWorkers workers, Patrols patrols, Screening screening, ReviewMeetings meetings, Regions regions,
                 JdbcClient jdbc) {
        this.workers = workers;
        this.patrols = patrols;
        this.screening = screening;
        this.meetings = meetings;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    void load(Map<String, Actor> actors, PlatformClock clock) {
        Actor town = actors.get("fq.dispatcher");
        LocalDate today = ChinaTime.dateOf(clock.instant());
        for (var e : DemoData.GRID_VILLAGES.entrySet()) {
            String grid = e.getKey() + "001";
            workers.appoint(town, grid, actors.get(e.getValue() + ".grid").userId(), GridWorkers.Post.FULL_TIME);
            workers.appoint(town, grid, actors.get("c" + e.getKey() + ".desk").userId(), GridWorkers.Post.GRID_LEADER);
            patrol(actors.get(e.getValue() + ".grid"), grid, clock, today.minusDays(3), e.getKey().endsWith("290"));
            patrol(actors.get(e.getValue() + ".grid"), grid, clock, today.minusDays(1), false);
        }
        screeningReports(actors, clock, today);
        pastMeetings(actors, clock, today);
    }

    private void patrol(Actor worker, String grid, PlatformClock clock, LocalDate day, boolean finding) {
        Instant start = ChinaTime.startOf(day).plusSeconds(9 * 3600);
        Region region = regions.find(grid).orElseThrow();
        Point c = region.hasBoundary() ? GeoJson.read(region.boundary()).getCentroid() : null;
        long id = clock.at(start, () -> patrols.start(worker, grid, c != null).id());
        if (c != null) {
            clock.at(start.plusSeconds(900), () -> patrols.addPoints(worker, id, List.of(
                    new Patrols.Point(start.plusSeconds(300), c.getY(), c.getX()),
                    new Patrols.Point(start.plusSeconds(600), c.getY() + 0.0004, c.getX() + 0.0003))));
        }
        if (finding) {
            clock.at(start.plusSeconds(1200), () -> patrols.addFinding(worker, id, new Patrols.NewFinding(
                    CaseKind.SAFETY_HAZARD, null, "村道边电线杆倾斜", "巡查发现村道边一根电线杆明显倾斜，雨天有倒伏隐患。",
                    "村道与溪边小路交叉口", c == null ? null : c.getY(), c == null ? null : c.getX())));
        }
        clock.at(start.plusSeconds(3600), () -> patrols.end(worker, id, "走访农户，检查村道和溪边护栏。"));
    }

    private void screeningReports(Map<String, Actor> actors, PlatformClock clock, LocalDate today) {
        List<Region> villages = regions.within(DivisionCode.of(DemoData.TOWN), RegionLevel.VILLAGE);
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int w = 4; w >= 1; w--) {
            LocalDate friday = thisWeek.minusWeeks(w).plusDays(4);
            Instant at = ChinaTime.startOf(friday).plusSeconds(16 * 3600);
            for (int v = 0; v < villages.size(); v++) {
                String code = villages.get(v).code().value();
                if (code.equals(SILENT_VILLAGE)) {
                    continue;
                }
                Actor desk = actors.get("c" + code + ".desk");
                List<Screening.NewItem> items = (v + w) % 7 == 0 ? List.of(new Screening.NewItem(CaseKind.DISPUTE,
                        "NEIGHBOUR", "相邻两户因排水问题有争执", "排查走访发现两户因雨水排放方向争执，已口头劝导，需跟进。",
                        null, 2)) : List.of();
                clock.at(at, () -> screening.report(desk, new Screening.NewReport(code, friday, items.isEmpty(), null,
                        items)));
            }
        }
    }

    private void pastMeetings(Map<String, Actor> actors, PlatformClock clock, LocalDate today) {
        Actor town = actors.get("fq.dispatcher");
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Long caseId = jdbc.sql("select min(c.id) from case_report c where c.region_code like ? and c.risk_level <> 'LOW' and "
                        + CaseStatus.sqlIn("c.status", CaseStatus::isOpen))
                .param(DemoData.TOWN.substring(0, 9) + "%").query(Long.class).single();
        for (LocalDate day : List.of(monday.minusWeeks(2), monday.minusWeeks(1))) {
            Instant held = day.atTime(LocalTime.of(9, 0)).atZone(ChinaTime.ZONE).toInstant();
            boolean latest = day.equals(monday.minusWeeks(1));
            List<ReviewMeetings.NewDecision> decisions = new ArrayList<>();
            if (caseId != null && latest) {
                decisions.add(new ReviewMeetings.NewDecision("highRisk", caseId, ReviewMeetings.Action.NOTED, null,
                        null, null, null, "风险较高，请承办单位每日报告进展"));
            }
            decisions.add(new ReviewMeetings.NewDecision("screening", null, ReviewMeetings.Action.FOLLOW_UP, null,
                    null, day.plusDays(latest ? 10 : 4), "枫桥镇分派员", "督促栎桥村按时报送矛盾纠纷排查情况"));
            decisions.add(new ReviewMeetings.NewDecision("hotTopics", null, ReviewMeetings.Action.FOLLOW_UP, null, null,
                    day.plusDays(7), "枫桥司法所", "梳理近期邻里排水纠纷，提出集中调处方案"));
            long id = clock.at(held.plusSeconds(7200), () -> meetings.record(town, new ReviewMeetings.NewMeeting(null,
                    held, "枫桥镇分管领导", List.of("枫桥镇分派员", "枫桥镇督办员"), List.of(), "周例会：研判新增、超期和高风险事项。",
                    decisions)).id());
            if (!latest) {
                for (ReviewMeetings.FollowUp f : meetings.get(town, id).followUps()) {
                    clock.at(held.plusSeconds(3 * 86400), () -> meetings.complete(town, f.id(), "已落实。"));
                }
            }
        }
        LocalDate fifth = today.getDayOfMonth() > 5 ? today.withDayOfMonth(5) : today.minusMonths(1).withDayOfMonth(5);
        Instant held = fifth.atTime(LocalTime.of(9, 0)).atZone(ChinaTime.ZONE).toInstant();
        Actor county = actors.get("county.leader");
        clock.at(held.plusSeconds(7200), () -> meetings.record(county, new ReviewMeetings.NewMeeting(null, held,
                "诸暨市中心领导", List.of("诸暨市中心分派员"), List.of(), "月度研判：全市矛盾纠纷总体平稳，欠薪纠纷需提前防范。",
                List.of(new ReviewMeetings.NewDecision("trends", null, ReviewMeetings.Action.FOLLOW_UP, null, null,
                        fifth.plusDays(25), "诸暨市人力社保局", "春节前开展欠薪专项排查")))));
    }
}

package org.fengqiao.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.Channel;
import org.fengqiao.categories.Categories;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * Dispute screening reports (排查报告): a village or grid reports each period (weekly unless
 * {@code fengqiao.screening.rhythm} says {@code MONTHLY}) the disputes found, or a zero report (零报告) when none.
 */
@Service
@Transactional
public class Screening {

    /** How often villages report. */
    public enum Rhythm {
        WEEKLY, MONTHLY;

        public LocalDate start(LocalDate day) {
            return this == WEEKLY ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
        }

        public LocalDate end(LocalDate start) {
            return this == WEEKLY ? start.plusDays(6) : start.plusMonths(1).minusDays(1);
        }
    }

    public record NewItem(CaseKind kind, String disputeType, String title, String description, String address,
                          Integer peopleInvolved) {
    }

    public record NewReport(String regionCode, LocalDate period, Boolean zeroReport, String note, List<NewItem> items) {
    }

    public record Item(long id, int position, CaseKind kind, String disputeType, String title, String description,
                       String address, int peopleInvolved, Long caseId) {
    }

    public record Report(long id, String regionCode, String regionName, LocalDate periodStart, LocalDate periodEnd,
                         boolean zeroReport, String note, String reportedBy, Instant reportedAt, List<Item> items) {
    }

    /** Where a village stands for a period. */
    public enum State {
        REPORTED, ZERO, MISSING
    }

    public record VillageStatus(String regionCode, String regionName, State state, int items, int chases,
                                Instant lastChased) {
    }

    public record Status(String regionCode, String regionName, LocalDate periodStart, LocalDate periodEnd,
                         List<VillageStatus> villages) {
        public List<VillageStatus> missing() {
            return villages.stream().filter(v -> v.state() == State.MISSING).toList();
        }
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Categories categories;
    private final CaseService cases;
    private final Clock clock;
    private final Rhythm rhythm;

    Screening(JdbcClient jdbc, Regions regions, Categories categories, CaseService cases, Clock clock,
              @Value("${fengqiao.screening.rhythm:WEEKLY}") Rhythm rhythm) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.categories = categories;
        this.cases = cases;
        this.clock = clock;
        this.rhythm = rhythm;
    }

    public Rhythm rhythm() {
        return rhythm;
    }

    /** The period containing a day (today by default). */
    public LocalDate periodOf(LocalDate day) {
        return rhythm.start(day == null ? ChinaTime.dateOf(clock.instant()) : day);
    }

    /**
     * Files a village's or grid's report for the period containing {@code period}: its items, or a zero report
     * with none. One report per place and period; all checked before anything is written.
     */
    public Report report(Actor actor, NewReport r) {
        Region place = reachable(actor, "regionCode", r.regionCode());
        if (place.level() != RegionLevel.VILLAGE && place.level() != RegionLevel.GRID) {
            throw new ProblemException.InvalidInput("regionCode", "screening.notAVillage");
        }
        LocalDate start = periodOf(r.period());
        if (start.isAfter(ChinaTime.dateOf(clock.instant()))) {
            throw new ProblemException.InvalidInput("period", "screening.futurePeriod");
        }
        List<NewItem> items = r.items() == null ? List.of() : r.items();
        boolean zero = Boolean.TRUE.equals(r.zeroReport());
        if (zero && !items.isEmpty()) {
            throw new ProblemException.InvalidInput("zeroReport", "screening.zeroWithItems");
        }
        if (!zero && items.isEmpty()) {
            throw new ProblemException.InvalidInput("items", "screening.noItems");
        }
        if (items.size() > 100) {
            throw new ProblemException.InvalidInput("items", "screening.tooManyItems");
        }
        if (r.note() != null && r.note().length() > 2000) {
            throw new ProblemException.InvalidInput("note", "screening.noteTooLong");
        }
        for (int i = 0; i < items.size(); i++) {
            check("items[" + i + "]", items.get(i));
        }
        Long existing = jdbc.sql("select id from screening_report where region_code = ? and period_start = ?")
                .params(place.code().value(), start).query(Long.class).optional().orElse(null);
        if (existing != null) {
            throw new ProblemException.Conflict("screening.alreadyReported", place.name());
        }
        long id = jdbc.sql("""
                insert into screening_report (region_code, period_start, period_end, zero_report, note, reported_by,
                                              reported_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""").params(place.code().value(), start, rhythm.end(start),
                zero, r.note() == null || r.note().isBlank() ? null : r.note().strip(), actor.userId(),
                java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
        for (int i = 0; i < items.size(); i++) {
            NewItem it = items.get(i);
            jdbc.sql("""
                    insert into screening_item (report_id, position, kind, dispute_type, title, description, address,
                                                people_involved)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""").params(id, i + 1, it.kind().name(), blank(it.disputeType()),
                    it.title().strip(), it.description().strip(), blank(it.address()),
                    it.peopleInvolved() == null ? 1 : it.peopleInvolved()).update();
        }
        return get(actor, id);
    }

    private void check(String field, NewItem it) {
        if (it == null || it.kind() == null) {
            throw new ProblemException.InvalidInput(field + ".kind", "screening.itemKind");
        }
        if (it.disputeType() != null && !it.disputeType().isBlank()) {
            categories.requireDisputeType(field + ".disputeType", it.disputeType());
        }
        if (it.title() == null || it.title().isBlank() || it.title().strip().length() > 200) {
            throw new ProblemException.InvalidInput(field + ".title", "screening.itemTitle");
        }
        if (it.description() == null || it.description().isBlank() || it.description().length() > 5000) {
            throw new ProblemException.InvalidInput(field + ".description", "screening.itemDescription");
        }
        if (it.address() != null && it.address().length() > 200) {
            throw new ProblemException.InvalidInput(field + ".address", "screening.itemAddress");
        }
        if (it.peopleInvolved() != null && (it.peopleInvolved() < 1 || it.peopleInvolved() > 100_000)) {
            throw new ProblemException.InvalidInput(field + ".peopleInvolved", "screening.itemPeople");
        }
    }

    /**
     * Who has reported for the period containing {@code period} among the villages of a region (default the
     * actor's centre's): a village has reported when it or one of its grids filed a report.
     */
    @Transactional(readOnly = true)
    public Status status(Actor actor, String regionCode, LocalDate period) {
        Region region = reachable(actor, "region", regionCode == null || regionCode.isBlank()
                ? actor.unit().regionCode().value() : regionCode);
        LocalDate start = periodOf(period);
        List<Region> villages = region.level() == RegionLevel.VILLAGE ? List.of(region)
                : region.level() == RegionLevel.GRID ? List.of(regions.find(region.parentCode()).orElseThrow())
                : regions.within(region.code(), RegionLevel.VILLAGE);
        Map<String, int[]> filed = new HashMap<>();
        jdbc.sql("""
                        select left(r.region_code, 12) as village, bool_and(r.zero_report) as zero,
                               count(i.id) as items
                        from screening_report r left join screening_item i on i.report_id = r.id
                        where r.period_start = ? and r.region_code like ? group by left(r.region_code, 12)""")
                .params(start, region.code().prefix() + "%").query(rs -> {
                    filed.put(rs.getString("village"), new int[] {rs.getBoolean("zero") ? 1 : 0, rs.getInt("items")});
                });
        Map<String, Object[]> chases = new HashMap<>();
        jdbc.sql("""
                        select region_code, count(*) as n, max(chased_at) as last from screening_chase
                        where period_start = ? and region_code like ? group by region_code""")
                .params(start, region.code().prefix() + "%").query(rs -> {
                    chases.put(rs.getString("region_code"), new Object[] {rs.getInt("n"),
                            rs.getTimestamp("last").toInstant()});
                });
        List<VillageStatus> rows = new ArrayList<>();
        for (Region v : villages) {
            int[] f = filed.get(v.code().value());
            Object[] c = chases.getOrDefault(v.code().value(), new Object[] {0, null});
            rows.add(new VillageStatus(v.code().value(), v.name(), f == null ? State.MISSING
                    : f[0] == 1 ? State.ZERO : State.REPORTED, f == null ? 0 : f[1], (Integer) c[0], (Instant) c[1]));
        }
        return new Status(region.code().value(), region.name(), start, rhythm.end(start), rows);
    }

    /** The township chases a village that has not reported for the period (催报); a village that has is refused. */
    public Status chase(Actor actor, String villageCode, LocalDate period) {
        Region village = reachable(actor, "regionCode", villageCode);
        if (village.level() != RegionLevel.VILLAGE) {
            throw new ProblemException.InvalidInput("regionCode", "screening.notAVillage");
        }
        if (actor.unit().level() == RegionLevel.VILLAGE) {
            throw new ProblemException.Forbidden("screening.chaseFromAbove");
        }
        Status s = status(actor, villageCode, period);
        if (s.villages().getFirst().state() != State.MISSING) {
            throw new ProblemException.Conflict("screening.alreadyReported", village.name());
        }
        jdbc.sql("insert into screening_chase (region_code, period_start, chased_by, chased_at) values (?, ?, ?, ?)")
                .params(villageCode, s.periodStart(), actor.userId(), java.sql.Timestamp.from(clock.instant())).update();
        return status(actor, villageCode, period);
    }

    /** A screened item becomes a case in one action (channel 网格上报), in the reporting place. */
    public CaseService.Registration toCase(Actor actor, long itemId) {
        Map<String, Object> row = jdbc.sql("""
                        select i.*, r.region_code from screening_item i join screening_report r on r.id = i.report_id
                        where i.id = ?""").param(itemId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ProblemException.NotFound("screening.itemNotFound"));
        String place = (String) row.get("region_code");
        if (!actor.jurisdiction().coversRegion(place)) {
            throw new ProblemException.NotFound("screening.itemNotFound");
        }
        if (row.get("case_id") != null) {
            throw new ProblemException.Conflict("screening.itemAlreadyCase");
        }
        CaseService.Registration reg = cases.register(actor, new CaseCommands.RegisterCase(Channel.GRID_PATROL,
                "SCREENING-" + row.get("report_id") + "-" + row.get("position"),
                CaseKind.valueOf((String) row.get("kind")), null, (String) row.get("dispute_type"),
                (String) row.get("title"), (String) row.get("description"), (String) row.get("address"), null, null,
                place, (Integer) row.get("people_involved"), null, null, List.of(), null, null));
        jdbc.sql("update screening_item set case_id = ? where id = ?").params(reg.id(), itemId).update();
        return reg;
    }

    @Transactional(readOnly = true)
    public Report get(Actor actor, long id) {
        Report r = jdbc.sql(SELECT + " where r.id = ?").param(id).query(this::report).optional()
                .orElseThrow(() -> new ProblemException.NotFound("screening.reportNotFound"));
        if (!actor.jurisdiction().coversRegion(r.regionCode())) {
            throw new ProblemException.NotFound("screening.reportNotFound");
        }
        return r;
    }

    /** The reports filed in a region the actor covers over periods starting between two days, oldest first. */
    @Transactional(readOnly = true)
    public List<Report> reports(Actor actor, String regionCode, LocalDate from, LocalDate to) {
        Region region = reachable(actor, "region", regionCode == null || regionCode.isBlank()
                ? actor.unit().regionCode().value() : regionCode);
        if (from == null || to == null || from.isAfter(to) || from.plusDays(400).isBefore(to)) {
            throw new ProblemException.InvalidInput("from", "screening.badPeriod");
        }
        return jdbc.sql(SELECT + " where r.region_code like ? and r.period_start between ? and ?"
                        + " order by r.period_start, r.region_code").params(region.code().prefix() + "%",
                        rhythm.start(from), to).query(this::report).list();
    }

    private static final String SELECT = """
            select r.*, g.name as region_name, u.display_name from screening_report r
            join region g on g.code = r.region_code join staff_user u on u.id = r.reported_by""";

    private Report report(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new Report(id, rs.getString("region_code"), rs.getString("region_name"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getBoolean("zero_report"), rs.getString("note"), rs.getString("display_name"),
                rs.getTimestamp("reported_at").toInstant(),
                jdbc.sql("select * from screening_item where report_id = ? order by position").param(id)
                        .query((r2, m) -> new Item(r2.getLong("id"), r2.getInt("position"),
                                CaseKind.valueOf(r2.getString("kind")), r2.getString("dispute_type"),
                                r2.getString("title"), r2.getString("description"), r2.getString("address"),
                                r2.getInt("people_involved"), (Long) r2.getObject("case_id"))).list());
    }

    private Region reachable(Actor actor, String field, String code) {
        if (code == null || !DivisionCode.isValid(code)) {
            throw new ProblemException.InvalidInput(field, "screening.badRegion");
        }
        Region region = regions.find(code).orElseThrow(() -> new ProblemException.InvalidInput(field,
                "screening.badRegion"));
        if (!actor.jurisdiction().coversRegion(code)) {
            throw new ProblemException.InvalidInput(field, "screening.outsideJurisdiction");
        }
        return region;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

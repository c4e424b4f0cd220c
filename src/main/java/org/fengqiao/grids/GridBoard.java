package org.fengqiao.grids;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/** The township's grid board: per grid, the patrols done and findings in a period and the open cases now. */
@Service
@Transactional(readOnly = true)
public class GridBoard {

    public record Row(String gridCode, String gridName, String villageName, int workers, int patrols,
                      int findings, int findingsAsCases, long openCases) {
    }

    public record Board(String regionCode, String regionName, LocalDate from, LocalDate to, List<Row> grids) {
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final GridWorkers workers;
    private final CaseLists cases;
    private final Clock clock;

    GridBoard(JdbcClient jdbc, Regions regions, GridWorkers workers, CaseLists cases, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.workers = workers;
        this.cases = cases;
        this.clock = clock;
    }

    /** The grids of a region the actor's centre covers (default: the centre's own region), over a period. */
    public Board board(Actor actor, String regionCode, LocalDate from, LocalDate to) {
        String code = regionCode == null || regionCode.isBlank() ? actor.unit().regionCode().value() : regionCode;
        Region region = workers.requireReachable(actor, "region", code);
        LocalDate last = to == null ? ChinaTime.dateOf(clock.instant()) : to;
        LocalDate first = from == null ? last.minusDays(6) : from;
        if (first.isAfter(last) || first.plusDays(366).isBefore(last)) {
            throw new ProblemException.InvalidInput("from", "grids.badPeriod");
        }
        List<Region> grids = region.level() == RegionLevel.GRID ? List.of(region)
                : regions.within(region.code(), RegionLevel.GRID);
        String prefix = region.code().prefix() + "%";
        Map<String, int[]> work = new HashMap<>();
        jdbc.sql("""
                        select p.grid_code, count(distinct p.id) as patrols, count(f.id) as findings,
                               count(f.case_id) as as_cases
                        from patrol p left join patrol_finding f on f.patrol_id = p.id
                        where p.grid_code like :prefix and p.started_at >= :from and p.started_at < :to
                        group by p.grid_code""").param("prefix", prefix)
                .param("from", java.sql.Timestamp.from(ChinaTime.startOf(first)))
                .param("to", java.sql.Timestamp.from(ChinaTime.endOf(last)))
                .query(rs -> {
                    work.put(rs.getString("grid_code"), new int[] {rs.getInt("patrols"), rs.getInt("findings"),
                            rs.getInt("as_cases")});
                });
        Map<String, Integer> staffed = new HashMap<>();
        jdbc.sql("select grid_code, count(*) as n from grid_worker where grid_code like ? group by grid_code")
                .param(prefix).query(rs -> {
                    staffed.put(rs.getString("grid_code"), rs.getInt("n"));
                });
        CaseScope scope = cases.scope(actor, CaseFilter.none()).and("c.grid_code like :gridPrefix and "
                + CaseStatus.sqlIn("c.status", CaseStatus::isOpen), Map.of("gridPrefix", prefix));
        Map<String, Long> open = new HashMap<>();
        scope.bind(jdbc.sql("select c.grid_code, count(*) as n from case_report c where " + scope.sql()
                + " group by c.grid_code")).query(rs -> {
                    open.put(rs.getString("grid_code"), rs.getLong("n"));
                });
        List<Row> rows = grids.stream().map(g -> {
            int[] w = work.getOrDefault(g.code().value(), new int[3]);
            String village = g.parentCode() == null ? "" : regions.find(g.parentCode()).map(Region::name).orElse("");
            return new Row(g.code().value(), g.name(), village, staffed.getOrDefault(g.code().value(), 0), w[0], w[1],
                    w[2], open.getOrDefault(g.code().value(), 0L));
        }).toList();
        return new Board(region.code().value(), region.name(), first, last, rows);
    }
}

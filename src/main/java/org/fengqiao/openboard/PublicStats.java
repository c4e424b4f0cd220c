package org.fengqiao.openboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.Rating;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * The public statistics (like FixMyStreet's reports page): per township, the cases registered in the last 30 days
 * (China time, today included, merged duplicates left out) with the measures of {@code analytics.Measures} as
 * they are defined there — intake; closure rate (closed, under review or archived ÷ intake); on-time closure
 * rate (closed by the handling deadline ÷ closed); satisfaction rate (latest rating 满意 or 基本满意 ÷ rated). A
 * rate whose denominator is below the minimum sample ({@code fengqiao.board.min-sample}, default 10) is not shown:
 * a few cases say nothing of a township. One grouped statement over the reporting view; the table is kept for a
 * minute.
 */
@Service
public class PublicStats {

    public static final int DAYS = 30;

    /** A township's figures; a rate is null when its denominator is below the minimum sample. */
    public record Row(String townshipCode, String townshipName, long intake, long closed, long onTime, long rated,
                      long satisfied, Double closureRate, Double onTimeRate, Double satisfactionRate) {
    }

    public record Table(LocalDate from, LocalDate to, int minSample, List<Row> rows, Instant asOf) {
    }

    private static final String CLOSED = CaseStatus.sqlIn("c.status", CaseStatus::hasOutcome);
    private static final String NOT_MERGED = CaseStatus.sqlIn("c.status", s -> s != CaseStatus.MERGED);
    private static final String SATISFIED = "c.rating in (" + java.util.stream.Stream.of(Rating.SATISFIED,
            Rating.BASICALLY_SATISFIED).map(r -> "'" + r.name() + "'").collect(Collectors.joining(", ")) + ")";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Clock clock;
    private final int minSample;
    private final Cache<LocalDate, Table> tables = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(4).build();

    PublicStats(JdbcClient jdbc, Regions regions, Clock clock, @Value("${fengqiao.board.min-sample:10}") int minSample) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
        this.minSample = minSample;
    }

    public Table table() {
        LocalDate today = ChinaTime.dateOf(clock.instant());
        return tables.get(today, this::compute);
    }

    private Table compute(LocalDate today) {
        LocalDate from = today.minusDays(DAYS - 1);
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select substr(c.region_code, 1, 9) as township, count(*) as intake,
                       count(*) filter (where %s) as closed,
                       count(*) filter (where %s and c.closed_on_time) as on_time,
                       count(*) filter (where c.rating is not null) as rated,
                       count(*) filter (where %s) as satisfied
                from case_report c
                where c.registered_at >= ? and c.registered_at < ? and %s
                group by 1
                """.formatted(CLOSED, CLOSED, SATISFIED, NOT_MERGED))
                .params(Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()),
                        Timestamp.from(ChinaTime.endOf(today)))
                .query(rs -> {
                    counts.put(rs.getString("township") + "000", new long[] {rs.getLong("intake"), rs.getLong("closed"),
                            rs.getLong("on_time"), rs.getLong("rated"), rs.getLong("satisfied")});
                });
        List<Row> rows = new ArrayList<>();
        for (Region root : regions.roots()) {
            for (Region t : regions.within(root.code(), RegionLevel.TOWNSHIP)) {
                long[] c = counts.getOrDefault(t.code().value(), new long[5]);
                rows.add(new Row(t.code().value(), t.name(), c[0], c[1], c[2], c[3], c[4], rate(c[1], c[0]),
                        rate(c[2], c[1]), rate(c[4], c[3])));
            }
        }
        return new Table(from, today, minSample, rows, clock.instant());
    }

    private Double rate(long numerator, long denominator) {
        return denominator < minSample || denominator == 0 ? null : (double) numerator / denominator;
    }
}

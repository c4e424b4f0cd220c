package org.fengqiao.cases;

import static org.fengqiao.cases.CaseSql.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.platform.UntilChanged;
import org.fengqiao.risk.RiskLevel;
import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseViews.*;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;

/**
 * Reads many cases for a caller: lists, counts, the workbench trays, the ledger's rows, and the scope other
 * modules' reports build on. Every query is limited to the caller's jurisdiction in SQL ({@link CaseSql#where}).
 */
@Service
@Transactional(readOnly = true)
public class CaseLists {

    private final JdbcClient jdbc;
    private final CaseRefs refs;
    private final Deadlines deadlines;
    private final Clock clock;
    private final PartySearch parties;

    CaseLists(JdbcClient jdbc, CaseRefs refs, Deadlines deadlines, Clock clock, PartySearch parties) {
        this.parties = parties;
        this.jdbc = jdbc;
        this.refs = refs;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * A page of cases matching the filter within the actor's jurisdiction.
     */
    public Page<CaseSummary> list(Actor actor, CaseFilter filter, CaseFilter.Sort sort, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new ProblemException.InvalidInput("size", "case.badPage");
        }
        PartyHashes hashes = parties.hashesFor(actor);
        Where where = where(actor.jurisdiction(), filter, trayBounds(clock.instant()), hashes);
        long total = filter.equals(CaseFilter.none()) && actor.jurisdiction().regionPrefix() != null
                ? cappedJurisdictionCount(actor.jurisdiction()) : cappedCount(where);
        if (page == 0) {
            parties.audit(actor, filter, total);
        }
        List<CaseSummary> items = total == 0 ? List.of() : items(actor, filter, where, hashes, sort, page, size);
        return new Page<>(items, page, size, total);
    }

    private static final String SUMMARY_COLUMNS = """
            select c.id, c.tracking_code, c.status, c.kind, c.channel, c.title, c.category_code,
                   c.dispute_type, c.region_code, c.handling_unit, c.registered_at, c.handle_due_at,
                   c.overdue_since, c.risk_level, c.urgent, c.supervised, c.outcome, c.rating
            from cases c where""";

    /**
     * A page of the list. A centre's cases are its region's and those its unit is involved with elsewhere: read as
     * one condition with an "or", PostgreSQL must gather every case of the jurisdiction and sort them to show the
     * newest twenty (a village of a generated province of a million cases walked 2,700 cases a page); read as its two
     * halves, each takes its first cases in order from its own index, and the page is taken from both. (A tray's
     * list is short and bounded by its own conditions: read as one.)
     */
    private List<CaseSummary> items(Actor actor, CaseFilter filter, Where where, PartyHashes hashes,
                                    CaseFilter.Sort sort, int page, int size) {
        org.fengqiao.access.Jurisdiction j = actor.jurisdiction();
        if (j.regionPrefix() == null || filter.tray() != null) {
            return where.bind(jdbc.sql(SUMMARY_COLUMNS + where.sql() + " order by " + sort.sql
                            + " limit :limit offset :offset"))
                    .param("limit", size).param("offset", (long) page * size)
                    .query((rs, n) -> summary(rs)).list();
        }
        // no tray here: the halves need no tray bounds
        Where region = where(regionHalf(j), filter, null, hashes);
        Where unit = where(unitHalf(j), filter, null, hashes);
        java.util.Map<String, Object> params = new java.util.HashMap<>(region.params());
        params.putAll(unit.params()); // the same filter: the same names with the same values
        return new Where("", params).bind(jdbc.sql("select * from ((" + SUMMARY_COLUMNS + region.sql()
                        + " order by " + sort.sql + " limit :top) union (" + SUMMARY_COLUMNS + unit.sql()
                        + " order by " + sort.sql + " limit :top)) c order by " + sort.sql
                        + " limit :limit offset :offset"))
                .param("top", (long) (page + 1) * size).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> summary(rs)).list();
    }

    /** All cases matching the filter (for exports), in pages of 500 rows, capped at {@code max}. */
    public List<CaseSummary> listAll(Actor actor, CaseFilter filter, CaseFilter.Sort sort, int max) {
        List<CaseSummary> all = new ArrayList<>();
        for (int page = 0; all.size() < max; page++) {
            Page<CaseSummary> p = list(actor, filter, sort, page, 500);
            all.addAll(p.items());
            if (p.items().size() < 500) {
                break;
            }
        }
        return all.size() > max ? all.subList(0, max) : all;
    }

    /** How many cases match the filter within the actor's jurisdiction. */
    public long count(Actor actor, CaseFilter filter) {
        Where where = where(actor.jurisdiction(), filter, trayBounds(clock.instant()), parties.hashesFor(actor));
        return where.bind(jdbc.sql("select count(*) from cases c where " + where.sql())).query(Long.class).single();
    }

    /** Receives the ledger's rows as they are read. */
    public interface LedgerSink {
        /** Called once before the rows, with how many will follow (at most the cap). */
        void start(long total);

        void row(LedgerRow row);
    }

    /**
     * Streams the ledger (台账) of the cases matching the filter within the actor's jurisdiction, in the list's
     * order, to {@code sink} — exactly the rows the list shows for the same filter, at most {@code max}. The
     * pages are read in one repeatable-read snapshot, so cases registered meanwhile neither appear nor shift
     * rows between pages.
     *
     * @return the number of rows written
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public long ledger(Actor actor, CaseFilter filter, CaseFilter.Sort sort, int max, LedgerSink sink) {
        Where where = where(actor.jurisdiction(), filter, trayBounds(clock.instant()), parties.hashesFor(actor));
        long total = where.bind(jdbc.sql("select count(*) from cases c where " + where.sql())).query(Long.class).single();
        sink.start(Math.min(total, max));
        int pageSize = 1000;
        long written = 0;
        for (long offset = 0; offset < Math.min(total, max); offset += pageSize) {
            List<LedgerRow> rows = where.bind(jdbc.sql("""
                            select c.id, c.tracking_code, c.registered_at, c.channel, c.source_ref, c.kind,
                                   c.category_code, c.dispute_type, c.title, c.region_code, c.grid_code, c.handling_unit,
                                   c.status, c.handle_due_at, c.overdue_since, c.closed_on_time, c.risk_level, c.urgent,
                                   c.supervised, c.people_involved, c.amount_involved, c.closed_at, c.outcome, c.rating
                            from cases c where\s""" + where.sql() + " order by " + sort.sql
                            + " limit :limit offset :offset"))
                    .param("limit", (int) Math.min(pageSize, max - offset)).param("offset", offset)
                    .query((rs, n) -> ledgerRow(rs)).list();
            for (LedgerRow row : rows) {
                sink.row(row);
                written++;
            }
            if (rows.size() < pageSize) {
                break;
            }
        }
        return written;
    }

    private LedgerRow ledgerRow(ResultSet rs) throws SQLException {
        String category = rs.getString("category_code");
        String grid = rs.getString("grid_code");
        Long unit = CaseSql.longOrNull(rs, "handling_unit");
        return new LedgerRow(rs.getLong("id"), rs.getString("tracking_code"), CaseSql.instant(rs, "registered_at"),
                Channel.valueOf(rs.getString("channel")), rs.getString("source_ref"),
                CaseKind.valueOf(rs.getString("kind")),
                category == null ? null : refs.categoryPath(category),
                rs.getString("dispute_type"), rs.getString("title"),
                refs.regionPath(DivisionCode.of(rs.getString("region_code"))),
                grid == null ? null : refs.regionName(grid),
                unit == null ? null : refs.unitRef(unit).name(), CaseStatus.valueOf(rs.getString("status")),
                CaseSql.instant(rs, "handle_due_at"),
                rs.getObject("overdue_since") != null || Boolean.FALSE.equals(rs.getObject("closed_on_time")),
                RiskLevel.valueOf(rs.getString("risk_level")), rs.getBoolean("urgent"), rs.getBoolean("supervised"),
                rs.getInt("people_involved"), rs.getBigDecimal("amount_involved"), CaseSql.instant(rs, "closed_at"),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")));
    }

    /**
     * Which of these source references (e.g. 12345 work-order numbers) are already registered for the channel,
     * anywhere: an import must not register the same work order twice.
     */
    public java.util.Set<String> registeredSourceRefs(Channel channel, java.util.Collection<String> refs) {
        if (refs.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select distinct source_ref from cases where channel = :channel
                        and source_ref = any(cast(:refs as text[]))
                        """).param("channel", channel.name()).param("refs", refs.toArray(String[]::new))
                .query(String.class).list());
    }

    private CaseSummary summary(ResultSet rs) throws SQLException {
        String region = rs.getString("region_code");
        Long unit = CaseSql.longOrNull(rs, "handling_unit");
        return new CaseSummary(rs.getLong("id"), rs.getString("tracking_code"),
                CaseStatus.valueOf(rs.getString("status")), CaseKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")), rs.getString("title"), refs.categoryRef(rs.getString("category_code")),
                rs.getString("dispute_type"), region, refs.regionName(region),
                unit == null ? null : refs.unitRef(unit), CaseSql.instant(rs, "registered_at"),
                CaseSql.instant(rs, "handle_due_at"), rs.getObject("overdue_since") != null,
                RiskLevel.valueOf(rs.getString("risk_level")), rs.getBoolean("urgent"), rs.getBoolean("supervised"),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")));
    }

    TrayBounds trayBounds(Instant now) {
        return new TrayBounds(now, ChinaTime.endOf(deadlines.calendar().addWorkingDays(ChinaTime.dateOf(now), 2)));
    }

    /** Tray counts for a jurisdiction and roles, as of a minute. */
    private record TrayKey(org.fengqiao.access.Jurisdiction jurisdiction, java.util.Set<?> roles, long minute) {
    }

    /**
     * Tray counts are asked on every workbench view; they are kept until any case changes or the minute turns
     * (what is overdue or due soon moves with the clock).
     */
    private final UntilChanged<TrayKey, java.util.Map<Tray, Long>> trayCounts =
            UntilChanged.of(this::changeMark, 2_000, java.time.Duration.ofMinutes(2));

    /**
     * How many cases wait in each tray that concerns the actor; a count of {@link Page#COUNT_CAP} + 1 means more than
     * {@link Page#COUNT_CAP}.
     */
    public java.util.Map<Tray, Long> trayCounts(Actor actor) {
        Instant now = clock.instant();
        return trayCounts.get(new TrayKey(actor.jurisdiction(), java.util.Set.copyOf(actor.roles()),
                now.getEpochSecond() / 60), key -> countTrays(actor, now));
    }

    /** The first cases of a tray, for a jurisdiction, as of a minute. */
    private record TrayPreviewKey(org.fengqiao.access.Jurisdiction jurisdiction, Tray tray, int size, long minute) {
    }

    /** Kept like the tray counts, so that the workbench's list agrees with its counts. */
    private final UntilChanged<TrayPreviewKey, Page<CaseSummary>> trayPreviews =
            UntilChanged.of(this::changeMark, 2_000, java.time.Duration.ofMinutes(2));

    /** The first {@code size} cases of a tray, soonest deadline first, as the workbench shows them. */
    public Page<CaseSummary> trayPreview(Actor actor, Tray tray, int size) {
        return trayPreviews.get(new TrayPreviewKey(actor.jurisdiction(), tray, size,
                clock.instant().getEpochSecond() / 60), key -> list(actor, CaseFilter.of(tray), CaseFilter.Sort.DUE_ASC,
                0, size));
    }

    /**
     * How many cases a centre's jurisdiction holds, up to {@link Page#COUNT_CAP} + 1, as the unfiltered list shows it:
     * its region's cases counted in the region index alone (no case row read; the two halves of the jurisdiction
     * together could only be counted row by row, 294 ms instead of 57 ms for a township of a generated province of a
     * million cases), plus the cases elsewhere its unit is involved with.
     */
    private long cappedJurisdictionCount(org.fengqiao.access.Jurisdiction j) {
        String region = CaseSql.inRegionWrittenOut(j.regionPrefix());
        long count = jdbc.sql("select (select count(*) from (select 1 from cases c where " + region
                + " limit " + (Page.COUNT_CAP + 1) + ") inside) + (select count(*) from cases c"
                + " where c.id = any(array(select cu.case_id from case_unit cu where cu.unit_id = :unit))"
                + " and not (" + region + "))").param("unit", j.unitId()).query(Long.class).single();
        return Math.min(count, Page.COUNT_CAP + 1);
    }

    /** How many cases match, up to {@link Page#COUNT_CAP} + 1 (which means more than {@link Page#COUNT_CAP}). */
    private long cappedCount(Where where) {
        return where.bind(jdbc.sql("select count(*) from (select 1 from cases c where " + where.sql()
                + " limit " + (Page.COUNT_CAP + 1) + ") counted")).query(Long.class).single();
    }

    private java.util.Map<Tray, Long> countTrays(Actor actor, Instant now) {
        java.util.Map<Tray, Long> counts = new java.util.EnumMap<>(Tray.class);
        TrayBounds bounds = trayBounds(now);
        for (Tray tray : Tray.values()) {
            if (tray.concerns(actor.roles())) {
                Where where = where(actor.jurisdiction(), CaseFilter.of(tray), bounds);
                // capped like the list's count: a tray of thousands reads a thousand rows, not all of them
                counts.put(tray, cappedCount(where));
            }
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    /**
     * The cases matching the filter within the actor's jurisdiction, as a condition other modules' read-only
     * reports build their aggregate SQL on (see {@link CaseScope}).
     */
    public CaseScope scope(Actor actor, CaseFilter filter) {
        Where where = where(actor.jurisdiction(), filter, filter.tray() == null ? null : trayBounds(clock.instant()));
        return new CaseScope(where.sql(), where.params());
    }

    /**
     * A number that grows whenever any case changes (every change appends an event), on this instance or another:
     * reports may cache what they computed under it, as {@link UntilChanged} does. It is the newest event's id
     * (times 1,024) plus the number of events among the last {@value #LATE_COMMITS} ids: event ids are taken when a
     * transaction writes them but seen when it commits, so a transaction that took an id and commits after a later
     * one (another instance's, say) does not raise the newest id — it does raise that count. Only a commit more than
     * {@value #LATE_COMMITS} events late goes unnoticed, until the cached answer's lifetime ends.
     */
    public long changeMark() {
        return jdbc.sql("select m.id * 1024 + (select count(*) from case_event where id > m.id - " + LATE_COMMITS
                + ") from (select coalesce(max(id), 0) as id from case_event) m").query(Long.class).single();
    }

    /** How many events late a commit may come and still raise {@link #changeMark()} (less than 1,024). */
    static final int LATE_COMMITS = 1_000;
}

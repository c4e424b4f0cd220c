package org.fengqiao.routing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.audit.AuditLog;
import org.fengqiao.organisation.Unit;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.RegionLevel;

/**
 * 网格事项准入: which matters may be pushed down to the village level (village centres, their committees and grid
 * workers). Line departments' matters must not be pushed down to the grassroots, so {@link Router} skips a
 * village-level rule for a matter not on the list and a manual assignment to a village-level unit is refused
 * ({@link #require}), each saying why.
 */
@Service
public class MatterAdmission {

    /** One admitted kind of matter; null criteria match anything. */
    public record Entry(String code, String name, String kind, String categoryPrefix, String disputeType, String basis,
                        boolean active) {

        public boolean matches(RoutingQuery q) {
            return active
                    && (kind == null || kind.equals(q.kind()))
                    && (categoryPrefix == null || q.categoryCode() != null && q.categoryCode().startsWith(categoryPrefix))
                    && (disputeType == null || disputeType.equals(q.disputeType()));
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AtomicReference<List<Entry>> entries = new AtomicReference<>();

    MatterAdmission(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The list, by code. */
    public List<Entry> entries() {
        List<Entry> all = entries.get();
        if (all == null) {
            all = jdbc.sql("select * from matter_admission order by code").query((rs, n) -> new Entry(
                    rs.getString("code"), rs.getString("name"), rs.getString("kind"), rs.getString("category_prefix"),
                    rs.getString("dispute_type"), rs.getString("basis"), rs.getBoolean("active"))).list();
            entries.set(all);
        }
        return all;
    }

    /** The entry that admits the matter to the village level, if any. */
    public Optional<Entry> admitting(RoutingQuery matter) {
        return entries().stream().filter(e -> e.matches(matter)).findFirst();
    }

    /** Whether the matter may be handed to a unit of this level (only the village level and below are limited). */
    public boolean admits(RegionLevel level, RoutingQuery matter) {
        return !atGrassroots(level) || admitting(matter).isPresent();
    }

    static boolean atGrassroots(RegionLevel level) {
        return level == RegionLevel.VILLAGE || level == RegionLevel.GRID;
    }

    /**
     * Refuses handing the matter to a village-level unit when it is not on the list, naming the field and the
     * unit.
     */
    public void require(String field, Unit target, RoutingQuery matter) {
        if (!admits(target.level(), matter)) {
            throw new ProblemException.InvalidInput(field, "admission.refused", target.name());
        }
    }

    /** Switches an entry on or off (administrators). */
    @Transactional
    public Entry setActive(String code, boolean active) {
        int n = jdbc.sql("update matter_admission set active = ? where code = ?").params(active, code).update();
        if (n == 0) {
            throw new ProblemException.NotFound("admission.notFound");
        }
        audit.recordAdministration(AuditLog.Action.CHANGE_ROUTING_RULE, "admission:" + code,
                java.util.Map.of("active", active));
        entries.set(null);
        return entries().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
    }
}

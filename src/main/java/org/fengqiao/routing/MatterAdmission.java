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

    /**
     * Adds an entry to the list (administrators): a code of 2–60 capitals, digits, '_' or '-', a name, at least one
     * criterion (kind, category prefix, dispute type — each checked by the caller against the vocabulary) and the
     * basis (why the matter may be handled at the village level).
     *
     * @throws ProblemException.InvalidInput naming the field that is wrong
     * @throws ProblemException.Conflict when the code is taken
     */
    @Transactional
    public Entry add(Entry e) {
        if (e.code() == null || !e.code().matches("[A-Z0-9_-]{2,60}")) {
            throw new ProblemException.InvalidInput("code", "admission.badCode");
        }
        if (e.name() == null || e.name().isBlank() || e.name().strip().length() > 100) {
            throw new ProblemException.InvalidInput("name", "admission.badName");
        }
        if (e.kind() == null && e.categoryPrefix() == null && e.disputeType() == null) {
            throw new ProblemException.InvalidInput("kind", "admission.needsCriteria");
        }
        if (e.basis() != null && e.basis().length() > 500) {
            throw new ProblemException.InvalidInput("basis", "admission.badBasis");
        }
        if (find(e.code()).isPresent()) {
            throw new ProblemException.Conflict("admission.duplicate", e.code());
        }
        jdbc.sql("insert into matter_admission (code, name, kind, category_prefix, dispute_type, basis, active)"
                + " values (?, ?, ?, ?, ?, ?, true)").params(e.code(), e.name().strip(), e.kind(), e.categoryPrefix(),
                e.disputeType(), e.basis()).update();
        java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("created", true);
        detail.put("name", e.name().strip());
        Optional.ofNullable(e.kind()).ifPresent(v -> detail.put("kind", v));
        Optional.ofNullable(e.categoryPrefix()).ifPresent(v -> detail.put("categoryPrefix", v));
        Optional.ofNullable(e.disputeType()).ifPresent(v -> detail.put("disputeType", v));
        audit.recordAdministration(AuditLog.Action.CHANGE_ROUTING_RULE, "admission:" + e.code(), detail);
        entries.set(null);
        return find(e.code()).orElseThrow();
    }

    /**
     * Takes an entry off the list (administrators): from then on routing and manual assignment refuse its matters
     * at the village level.
     */
    @Transactional
    public Entry remove(String code) {
        Entry gone = find(code).orElseThrow(() -> new ProblemException.NotFound("admission.notFound"));
        jdbc.sql("delete from matter_admission where code = ?").param(code).update();
        audit.recordAdministration(AuditLog.Action.CHANGE_ROUTING_RULE, "admission:" + code,
                java.util.Map.of("removed", true, "name", gone.name()));
        entries.set(null);
        return gone;
    }

    /** The entry with this code. */
    public Optional<Entry> find(String code) {
        return entries().stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** Forgets the list kept in memory (a change made through another instance): read again on next use. */
    public void changed() {
        entries.set(null);
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

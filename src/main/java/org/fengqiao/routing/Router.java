package org.fengqiao.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.audit.AuditLog;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * Chooses the handling unit. Matching rules are tried from the lowest level up (小事不出村、大事不出镇);
 * the first rule for which a unit of its kind serves the matter's region at its level wins. When none does,
 * the governance centre of the region takes the matter (兜底).
 */
@Service
public class Router {

    private static final RowMapper<RoutingRule> ROW = (rs, n) -> new RoutingRule(rs.getLong("id"),
            rs.getString("code"), rs.getString("name"), rs.getString("kind"), rs.getString("category_prefix"),
            rs.getString("dispute_type"), rs.getString("region_prefix"), RegionLevel.valueOf(rs.getString("level")),
            UnitKind.valueOf(rs.getString("unit_kind")), rs.getInt("priority"), rs.getBoolean("active"));

    private static final Comparator<RoutingRule> LOWEST_LEVEL_FIRST = Comparator
            .comparing((RoutingRule r) -> -r.level().ordinal())
            .thenComparing(r -> -r.specificity())
            .thenComparingInt(RoutingRule::priority)
            .thenComparing(RoutingRule::code);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Units units;
    private final Regions regions;
    private final MessageSource messages;
    private final AtomicReference<List<RoutingRule>> rules = new AtomicReference<>();
    private final MatterAdmission admission;

    Router(JdbcClient jdbc, Units units, Regions regions, MessageSource messages, AuditLog audit,
           MatterAdmission admission) {
        this.admission = admission;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.units = units;
        this.regions = regions;
    }

    /** The admission list (网格事项准入) routing and manual assignment respect. */
    public MatterAdmission admission() {
        return admission;
    }

    public List<RoutingRule> rules() {
        List<RoutingRule> all = rules.get();
        if (all == null) {
            all = jdbc.sql("select * from routing_rule order by code").query(ROW).list();
            rules.set(all);
        }
        return all;
    }

    /**
     * Routes a matter. Always returns a decision when the region has a centre somewhere up its lineage.
     */
    public Optional<RoutingDecision> route(RoutingQuery query) {
        List<String> considered = new ArrayList<>();
        List<RoutingRule> matching = rules().stream().filter(r -> r.matches(query)).sorted(LOWEST_LEVEL_FIRST).toList();
        for (RoutingRule rule : matching) {
            if (!admission.admits(rule.level(), query)) {
                considered.add(text("routing.explain.notAdmitted", rule.code()));
            } else if (rule.level().isAbove(query.region().level()) || rule.level() == query.region().level()) {
                DivisionCode at = query.region().truncate(rule.level());
                Optional<Unit> unit = units.ofKindIn(rule.unitKind(), at).stream().findFirst();
                if (unit.isPresent()) {
                    String explanation = text("routing.explain.rule", rule.code(), rule.name(), unit.get().name());
                    return Optional.of(new RoutingDecision(unit.get(), rule, explanation, List.copyOf(considered)));
                }
                considered.add(text("routing.explain.noUnit", rule.code(),
                        regions.find(at).map(r -> r.name()).orElse(at.value()), rule.unitKind()));
            } else {
                considered.add(text("routing.explain.tooCoarse", rule.code(), rule.level()));
            }
        }
        return units.centreFor(query.region()).map(centre -> new RoutingDecision(centre, null,
                text(matching.isEmpty() ? "routing.explain.noRule" : "routing.explain.noUnitFound", centre.name()),
                List.copyOf(considered)));
    }

    /** An explanation in words, in the language of the case record (Chinese): it is stored as the routing reason. */
    private String text(String key, Object... args) {
        Object[] plain = java.util.Arrays.stream(args).map(String::valueOf).toArray();
        return messages.getMessage(key, plain, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    public Optional<RoutingRule> find(String code) {
        return rules().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** Adds a rule. */
    @Transactional
    public RoutingRule create(RoutingRule r) {
        if (r.code() == null || !r.code().matches("[A-Z0-9_-]{2,60}")) {
            throw new ProblemException.InvalidInput("code", "routing.badCode");
        }
        if (find(r.code()).isPresent()) {
            throw new ProblemException.Conflict("routing.duplicate", r.code());
        }
        if (r.kind() == null && r.categoryPrefix() == null && r.disputeType() == null) {
            throw new ProblemException.InvalidInput("kind", "routing.needsCriteria");
        }
        if (r.level().ordinal() < RegionLevel.COUNTY.ordinal() || r.level() == RegionLevel.GRID) {
            throw new ProblemException.InvalidInput("level", "routing.badLevel");
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 100) {
            throw new ProblemException.InvalidInput("name", "routing.badName");
        }
        jdbc.sql("""
                insert into routing_rule (code, name, kind, category_prefix, dispute_type, region_prefix, level,
                                          unit_kind, priority, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)
                """).params(r.code(), r.name().strip(), r.kind(), r.categoryPrefix(), r.disputeType(), r.regionPrefix(),
                r.level().name(), r.unitKind().name(), r.priority()).update();
        audit.recordAdministration(AuditLog.Action.CHANGE_ROUTING_RULE, r.code(), java.util.Map.of("created", true,
                "name", r.name().strip(), "level", r.level().name(), "unitKind", r.unitKind().name()));
        rules.set(null);
        return find(r.code()).orElseThrow();
    }

    /** Switches a rule on or off. */
    @Transactional
    public RoutingRule setActive(String code, boolean active) {
        int n = jdbc.sql("update routing_rule set active = ? where code = ?").params(active, code).update();
        if (n == 0) {
            throw new ProblemException.NotFound("routing.notFound", code);
        }
        audit.recordAdministration(AuditLog.Action.CHANGE_ROUTING_RULE, code, java.util.Map.of("active", active));
        rules.set(null);
        return find(code).orElseThrow();
    }

    /** Forgets what is cached, for a change made through another instance (read again on next use). */
    public void changed() {
        rules.set(null);
        admission.changed();
    }
}

package org.fengqiao.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.access.Jurisdiction;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.risk.RiskLevel;
import org.fengqiao.platform.UntilChanged;
import org.fengqiao.platform.ProblemException;

/**
 * Cases with coordinates as GeoJSON points for the map, within the caller's jurisdiction. A feature carries
 * only what the map needs — id, tracking code, title, status, risk and a link — never a party's name, phone,
 * ID number or address.
 */
@Service
@Transactional(readOnly = true)
public class CaseMap {

    /** The most markers one map shows (the newest first). */
    public static final int MAX_FEATURES = 2_000;

    private final CaseLists cases;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    // like the measures: kept until any case changes, at most a minute
    private final UntilChanged<Key, Map<String, Object>> cache;

    private record Key(Jurisdiction jurisdiction, Filter filter, String language) {
    }

    CaseMap(CaseLists cases, JdbcClient jdbc, MessageSource messages) {
        this.cases = cases;
        this.cache = UntilChanged.of(cases::changeMark, 200, java.time.Duration.ofMinutes(1));
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /**
     * What the map shows; every field is optional.
     *
     * @param risk at least this risk level
     */
    public record Filter(List<CaseStatus> statuses, CaseKind kind, RiskLevel risk, LocalDate from, LocalDate to) {
        public Filter {
            statuses = statuses == null ? List.of() : statuses.stream().filter(java.util.Objects::nonNull).toList();
        }
    }

    /** A GeoJSON FeatureCollection of the matching cases; {@code truncated} tells when there were more. */
    public Map<String, Object> features(Actor actor, Filter f) {
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            throw new ProblemException.InvalidInput("from", "analytics.error.periodOrder", f.from().toString(),
                    f.to().toString());
        }
        if (f.from() != null && f.to() != null && ChronoUnit.DAYS.between(f.from(), f.to()) >= Measures.MAX_PERIOD_DAYS) {
            throw new ProblemException.InvalidInput("from", "analytics.error.periodTooLong", Measures.MAX_PERIOD_DAYS);
        }
        Key key = new Key(actor.jurisdiction(), f, LocaleContextHolder.getLocale().getLanguage());
        return cache.get(key, k -> query(actor, f));
    }

    private Map<String, Object> query(Actor actor, Filter f) {
        CaseScope scope = cases.scope(actor, new CaseFilter(f.statuses(), f.kind(), null, null, null, null, null, null,
                f.from(), f.to(), null, f.risk(), null, null, null)).and("c.latitude is not null");
        // labels once per request, not per marker
        Map<String, String> statusLabels = new java.util.HashMap<>();
        for (CaseStatus st : CaseStatus.values()) {
            statusLabels.put(st.name(), text("status." + st.name()));
        }
        Map<String, String> riskLabels = new java.util.HashMap<>();
        for (RiskLevel r : RiskLevel.values()) {
            riskLabels.put(r.name(), text("risk." + r.name()));
        }
        List<Map<String, Object>> features = new ArrayList<>();
        // the scope is evaluated once (materialized) and only then sorted: walking the date index newest first
        // and testing the jurisdiction row by row is far slower for a small jurisdiction
        scope.bind(jdbc.sql("""
                        with m as materialized (
                            select c.id, c.tracking_code, c.title, c.status, c.risk_level, c.latitude, c.longitude,
                                   c.registered_at
                            from case_report c where %s)
                        select * from m order by registered_at desc, id desc limit :mapLimit
                        """.formatted(scope.sql()))).param("mapLimit", MAX_FEATURES + 1)
                .query(rs -> {
                    long id = rs.getLong("id");
                    String status = rs.getString("status");
                    String risk = rs.getString("risk_level");
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("id", id);
                    properties.put("trackingCode", rs.getString("tracking_code"));
                    properties.put("title", rs.getString("title"));
                    properties.put("status", status);
                    properties.put("statusLabel", statusLabels.get(status));
                    properties.put("risk", risk);
                    properties.put("riskLabel", riskLabels.get(risk));
                    properties.put("url", "/cases/" + id);
                    Map<String, Object> feature = new LinkedHashMap<>();
                    feature.put("type", "Feature");
                    feature.put("id", id);
                    feature.put("geometry", Map.of("type", "Point",
                            "coordinates", List.of(rs.getDouble("longitude"), rs.getDouble("latitude"))));
                    feature.put("properties", properties);
                    features.add(feature);
                });
        boolean truncated = features.size() > MAX_FEATURES;
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", truncated ? features.subList(0, MAX_FEATURES) : features);
        collection.put("truncated", truncated);
        return java.util.Collections.unmodifiableMap(collection);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}

package org.fengqiao.mediators;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.categories.Categories;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Regions;

/**
 * The mediator directory and the mediators' records. A record counts only the cases the viewer may see (the
 * same condition as every case list, {@link CaseLists#scope}), read from the cases and their events as the
 * reporting view allows.
 */
@Service
public class Mediators {

    /** A new mediator, as an administrator enters it. */
    public record NewMediator(String name, Long unitId, Long staffUserId, Mediator.Kind kind, String regionCode,
                              List<String> specialties, List<String> languages, Boolean available, String note) {
    }

    private static final String SELECT = """
            select m.id, m.name, m.unit_id, u.name as unit_name, m.staff_user_id, m.kind, m.region_code,
                   r.name as region_name, m.specialties, m.languages, m.available, m.note
            from mediator m join unit u on u.id = m.unit_id join region r on r.code = m.region_code
            """;

    private final JdbcClient jdbc;
    private final CaseLists cases;
    private final Categories categories;
    private final Units units;
    private final Regions regions;

    Mediators(JdbcClient jdbc, CaseLists cases, Categories categories, Units units, Regions regions) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.categories = categories;
        this.units = units;
        this.regions = regions;
    }

    /**
     * The directory, by name: optionally only those taking a dispute type, working in or above a region, or
     * available now.
     */
    public List<Mediator> list(String disputeType, String regionCode, boolean availableOnly) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (disputeType != null && !disputeType.isBlank()) {
            categories.requireDisputeType("disputeType", disputeType);
            where.append(" and :type = any(m.specialties)");
            params.put("type", disputeType);
        }
        DivisionCode region = null;
        if (regionCode != null && !regionCode.isBlank()) {
            if (!DivisionCode.isValid(regionCode)) {
                throw new ProblemException.InvalidInput("region", "mediators.badRegion");
            }
            region = DivisionCode.of(regionCode);
        }
        if (availableOnly) {
            where.append(" and m.available");
        }
        var sql = jdbc.sql(SELECT + where + " order by m.name, m.id");
        for (var p : params.entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        DivisionCode within = region;
        // a mediator serves the region of their code and everything below it (the directory is small)
        return sql.query(Mediators::row).list().stream()
                .filter(m -> within == null || serves(m, within)).toList();
    }

    /** Whether a mediator's area contains the region. */
    static boolean serves(Mediator m, DivisionCode region) {
        return region.isWithin(DivisionCode.of(m.regionCode()));
    }

    public Optional<Mediator> find(long id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(Mediators::row).optional();
    }

    public Mediator get(long id) {
        return find(id).orElseThrow(() -> new ProblemException.NotFound("mediators.notFound", id));
    }

    /** Adds a mediator to the directory. */
    @Transactional
    public Mediator create(NewMediator m) {
        if (m.name() == null || m.name().isBlank() || m.name().strip().length() > 60) {
            throw new ProblemException.InvalidInput("name", "mediators.badName");
        }
        if (m.unitId() == null) {
            throw new ProblemException.InvalidInput("unitId", "mediators.unitMissing");
        }
        units.requireActive("unitId", m.unitId());
        if (m.kind() == null) {
            throw new ProblemException.InvalidInput("kind", "mediators.kindMissing");
        }
        if (m.regionCode() == null || regions.find(m.regionCode()).isEmpty()) {
            throw new ProblemException.InvalidInput("regionCode", "mediators.badRegion");
        }
        List<String> specialties = m.specialties() == null ? List.of() : m.specialties();
        specialties.forEach(code -> categories.requireDisputeType("specialties", code));
        List<String> languages = m.languages() == null ? List.of()
                : m.languages().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (languages.size() > 10 || languages.stream().anyMatch(l -> l.length() > 20)) {
            throw new ProblemException.InvalidInput("languages", "mediators.badLanguages");
        }
        if (m.note() != null && m.note().length() > 500) {
            throw new ProblemException.InvalidInput("note", "mediators.badNote");
        }
        long id = jdbc.sql("""
                insert into mediator (name, unit_id, staff_user_id, kind, region_code, specialties, languages,
                                      available, note)
                values (?, ?, ?, ?, ?, cast(? as text[]), cast(? as text[]), ?, ?) returning id
                """).params(m.name().strip(), m.unitId(), m.staffUserId(), m.kind().name(), m.regionCode(),
                specialties.toArray(String[]::new), languages.toArray(String[]::new),
                m.available() == null || m.available(), m.note()).query(Long.class).single();
        return get(id);
    }

    /**
     * Who may change a mediator's availability: administrators, dispatchers and mediators. The one statement of
     * the rule — the page's switch asks {@link #mayChangeAvailability}, the form and the API are guarded by
     * {@code @PreAuthorize(}{@link #MAY_CHANGE_AVAILABILITY}{@code )}, which calls it.
     */
    public static final Set<Role> AVAILABILITY_EDITORS = EnumSet.of(Role.ADMIN, Role.DISPATCHER, Role.MEDIATOR);

    /** The method-security expression of the rule above (the signed-in {@link Actor} is the principal). */
    public static final String MAY_CHANGE_AVAILABILITY =
            "T(org.fengqiao.mediators.Mediators).mayChangeAvailability(principal)";

    /** Whether the signed-in principal (an {@link Actor}) may change a mediator's availability. */
    public static boolean mayChangeAvailability(Object principal) {
        return principal instanceof Actor actor && actor.roles().stream().anyMatch(AVAILABILITY_EDITORS::contains);
    }

    /** Sets whether a mediator takes cases now. */
    @Transactional
    public Mediator setAvailable(long id, boolean available) {
        get(id);
        jdbc.sql("update mediator set available = ? where id = ?").params(available, id).update();
        return get(id);
    }

    /**
     * A mediator's record over the cases the actor may see: the cases in which the mediator's account recorded a
     * mediation session, how many are closed and resolved, and how long the closed ones took. A mediator without an
     * account has an empty record.
     */
    public MediatorRecord record(Actor actor, Mediator mediator) {
        if (mediator.staffUserId() == null) {
            return new MediatorRecord(mediator.id(), 0, 0, 0, null, null, 0);
        }
        CaseScope scope = cases.scope(actor, CaseFilter.none()).and("""
                exists (select 1 from case_event_report e where e.case_id = c.id and e.type = 'MediationSessionRecorded'
                        and e.actor_user_id = :mediatorUser)""", Map.of("mediatorUser", mediator.staffUserId()));
        return scope.bind(jdbc.sql("""
                select count(*) as mediated,
                       count(*) filter (where c.closed_at is not null) as closed,
                       count(*) filter (where c.closed_at is not null and c.resolved) as resolved,
                       avg(extract(epoch from c.closed_at - c.registered_at) / 86400.0)
                           filter (where c.closed_at is not null) as days,
                       count(*) filter (where c.closed_at is null) as open
                from case_report c where\s""" + scope.sql())).query((rs, n) -> {
            int closed = rs.getInt("closed");
            int resolved = rs.getInt("resolved");
            Double days = rs.getObject("days") == null ? null : Math.round(rs.getDouble("days") * 10) / 10.0;
            Double rate = closed >= MediatorRecord.MIN_SAMPLE ? Math.round(1000.0 * resolved / closed) / 1000.0 : null;
            return new MediatorRecord(mediator.id(), rs.getInt("mediated"), closed, resolved, rate, days,
                    rs.getInt("open"));
        }).single();
    }

    static Mediator row(ResultSet rs, int n) throws SQLException {
        return new Mediator(rs.getLong("id"), rs.getString("name"), rs.getLong("unit_id"), rs.getString("unit_name"),
                (Long) rs.getObject("staff_user_id"), Mediator.Kind.valueOf(rs.getString("kind")),
                rs.getString("region_code"), rs.getString("region_name"), strings(rs.getArray("specialties")),
                strings(rs.getArray("languages")), rs.getBoolean("available"), rs.getString("note"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}

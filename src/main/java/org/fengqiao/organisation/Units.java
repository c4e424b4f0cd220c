package org.fengqiao.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * The directory of units. All units are held in memory (a county has hundreds, not millions) and reloaded
 * when one changes; routing looks units up on every registration.
 */
@Service
public class Units {

    private static final RowMapper<Unit> ROW = (rs, n) -> new Unit(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), DivisionCode.of(rs.getString("region_code")),
            rs.getBoolean("active"));

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AtomicReference<Map<Long, Unit>> cache = new AtomicReference<>();

    Units(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    private Map<Long, Unit> all() {
        Map<Long, Unit> units = cache.get();
        if (units == null) {
            units = jdbc.sql("select id, code, name, kind, region_code, active from unit").query(ROW).list().stream()
                    .collect(Collectors.toUnmodifiableMap(Unit::id, Function.identity()));
            cache.set(units);
        }
        return units;
    }

    public Optional<Unit> find(long id) {
        return Optional.ofNullable(all().get(id));
    }

    public Unit get(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("unit " + id + " does not exist"));
    }

    /** The unit's public telephone, when one is recorded (printed on receipts). */
    public Optional<String> phoneOf(long unitId) {
        return jdbc.sql("select phone from unit where id = ?").param(unitId).query(String.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Records the unit's public telephone (null or blank clears it).
     *
     * @throws ProblemException.InvalidInput on the field {@code phone} when it is not a Chinese phone number
     */
    public void setPhone(long unitId, String phone) {
        checkPhone(phone);
        jdbc.sql("update unit set phone = ? where id = ?").params(phone == null || phone.isBlank() ? null : phone.strip(),
                unitId).update();
    }

    public Optional<Unit> findByCode(String code) {
        return all().values().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /** An active unit chosen by a caller, or a 400 naming the field. */
    public Unit requireActive(String field, long id) {
        return find(id).filter(Unit::active)
                .orElseThrow(() -> new ProblemException.InvalidInput(field, "unit.unknown", id));
    }

    public List<Unit> list() {
        return all().values().stream().sorted(Comparator.comparing((Unit u) -> u.regionCode().value())
                .thenComparing(u -> u.kind().ordinal()).thenComparing(Unit::code)).toList();
    }

    /** Active units of a kind serving exactly this region. */
    public List<Unit> ofKindIn(UnitKind kind, DivisionCode region) {
        return all().values().stream()
                .filter(u -> u.active() && u.kind() == kind && u.regionCode().equals(region))
                .sorted(Comparator.comparing(Unit::code)).toList();
    }

    /**
     * The governance centre responsible for a region: the centre of the region itself or, failing that, of
     * the nearest enclosing region that has one.
     */
    public Optional<Unit> centreFor(DivisionCode region) {
        List<DivisionCode> lineage = region.lineage();
        for (int i = lineage.size() - 1; i >= 0; i--) {
            DivisionCode code = lineage.get(i);
            if (code.level() == RegionLevel.GRID) {
                continue;
            }
            Optional<Unit> centre = ofKindIn(UnitKind.CENTRE, code).stream().findFirst();
            if (centre.isPresent()) {
                return centre;
            }
        }
        return Optional.empty();
    }

    /** The centre one level above the given unit's region, for escalation (village → township → county). */
    public Optional<Unit> centreAbove(Unit unit) {
        DivisionCode parent = unit.regionCode().parent();
        return parent == null ? Optional.empty() : centreFor(parent);
    }

    @Transactional
    public Unit create(String code, String name, UnitKind kind, String regionCode) {
        if (code == null || !code.matches("[A-Za-z0-9_-]{2,40}")) {
            throw new ProblemException.InvalidInput("code", "unit.badCode");
        }
        checkName(name);
        if (findByCode(code).isPresent()) {
            throw new ProblemException.Conflict("unit.duplicateCode", code);
        }
        var region = regions.require("regionCode", regionCode);
        if (region.level() == RegionLevel.GRID) {
            throw new ProblemException.InvalidInput("regionCode", "unit.gridRegion");
        }
        long id = jdbc.sql("insert into unit (code, name, kind, region_code) values (?, ?, ?, ?) returning id")
                .params(code, name.strip(), kind.name(), region.code().value()).query(Long.class).single();
        cache.set(null);
        return get(id);
    }

    /** Renames a unit, or switches it off (its staff can no longer sign in, routing passes it by) or on. */
    @Transactional
    public Unit update(long id, String name, boolean active) {
        checkName(name);
        int n = jdbc.sql("update unit set name = ?, active = ? where id = ?").params(name.strip(), active, id).update();
        if (n == 0) {
            throw new ProblemException.NotFound("unit.notFound", id);
        }
        cache.set(null);
        return get(id);
    }

    /** Creates a unit with its public telephone (optional), all or nothing. */
    @Transactional
    public Unit create(String code, String name, UnitKind kind, String regionCode, String phone) {
        checkPhone(phone);
        Unit unit = create(code, name, kind, regionCode);
        setPhone(unit.id(), phone);
        return unit;
    }

    /** Renames a unit, switches it off or on and records its public telephone, all or nothing. */
    @Transactional
    public Unit update(long id, String name, boolean active, String phone) {
        checkPhone(phone);
        Unit unit = update(id, name, active);
        setPhone(id, phone);
        return unit;
    }

    private static void checkPhone(String phone) {
        if (phone != null && (phone.length() > 30 || !org.fengqiao.platform.PhoneNumbers.isValid(phone))) {
            throw new ProblemException.InvalidInput("phone", "admin.unit.badPhone");
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new ProblemException.InvalidInput("name", "admin.unit.badName");
        }
    }

    /** Forgets what is cached, for a change made through another instance (read again on next use). */
    public void changed() {
        cache.set(null);
    }
}

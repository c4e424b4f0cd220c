package org.fengqiao.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.Units;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.Regions;

/**
 * Who the benchmarks act as, and where, in the demo county: a user by name, the first handler of a unit (the
 * {@code .handler} or {@code .desk} account), a unit by code, and Fengqiao's villages that cases come from.
 */
@Component
class BenchActors {

    private static final DivisionCode FENGQIAO = DivisionCode.of("330681109000");

    private final Staff staff;
    private final Units units;
    private final Regions regions;
    private final Map<Long, Actor> handlers = new ConcurrentHashMap<>();

    BenchActors(Staff staff, Units units, Regions regions) {
        this.staff = staff;
        this.units = units;
        this.regions = regions;
    }

    Actor named(String username) {
        var user = staff.findByUsername(username).orElseThrow();
        return Actor.of(user, units.get(user.unitId()));
    }

    Actor handlerOf(long unitId) {
        return handlers.computeIfAbsent(unitId, u -> staff.inUnit(u).stream()
                .filter(s -> s.username().endsWith(".handler") || s.username().endsWith(".desk"))
                .findFirst().map(s -> Actor.of(s, units.get(u))).orElseThrow());
    }

    long unitId(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    /** The village codes of Fengqiao township. */
    List<String> fengqiaoVillages() {
        return regions.children(FENGQIAO).stream().map(Region::code).map(DivisionCode::value).toList();
    }
}

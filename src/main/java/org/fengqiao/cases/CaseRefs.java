package org.fengqiao.cases;

import org.springframework.stereotype.Component;

import org.fengqiao.cases.CaseViews.Ref;
import org.fengqiao.cases.CaseViews.UnitRef;
import org.fengqiao.categories.Categories;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.Regions;

/** Names for the codes and ids a case row holds, from the in-memory caches of units, regions and categories. */
@Component
class CaseRefs {

    private final Units units;
    private final Regions regions;
    private final Categories categories;

    CaseRefs(Units units, Regions regions, Categories categories) {
        this.units = units;
        this.regions = regions;
        this.categories = categories;
    }

    Ref categoryRef(String code) {
        return code == null ? null : new Ref(code, categories.find(code).map(cat -> cat.path()).orElse(code));
    }

    Ref disputeRef(String code) {
        return code == null ? null : new Ref(code, categories.disputeType(code).map(d -> d.nameZh()).orElse(code));
    }

    UnitRef unitRef(long id) {
        return units.find(id).map(u -> new UnitRef(u.id(), u.name(), u.kind().name()))
                .orElse(new UnitRef(id, "#" + id, null));
    }

    String unitName(Long id) {
        return id == null ? null : units.find(id).map(Unit::name).orElse(null);
    }

    /** A region as a path below the city, e.g. 诸暨市 › 枫桥镇 › 枫源村. */
    String regionPath(DivisionCode code) {
        return regions.pathName(code);
    }

    /** A region's (or grid's) own name, or the code itself when unknown. */
    String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    /** A grid's name, or null when there is no grid or it is unknown. */
    String gridName(String code) {
        return code == null ? null : regions.find(code).map(Region::name).orElse(null);
    }

    String categoryPath(String code) {
        return code == null ? null : categories.find(code).map(c -> c.path()).orElse(code);
    }
}

package org.fengqiao.cases.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.categories.DisputeType;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * The choices case pages offer: regions of the user's county, units grouped by level, the category tree.
 */
@Component
class PageOptions {

    /** A choice in a select. */
    record Option(String value, String label) {
    }

    /** Level-1 and level-2 categories with their leaves, for the tree picker. */
    record Branch(Category category, List<Branch> children) {
    }

    private final Regions regions;
    private final Units units;
    private final Categories categories;

    PageOptions(Regions regions, Units units, Categories categories) {
        this.regions = regions;
        this.units = units;
        this.categories = categories;
    }

    /**
     * The regions the case list can be narrowed to: a county's or a township's people choose among its townships and
     * villages ({@link #regionsOf}); a city's or a province's among its counties and their townships, grouped by
     * county — thousands of villages would make the list page of a province heavy to load and the choice hard to find,
     * and a township's list narrows further.
     */
    Map<String, List<Option>> filterRegionsOf(Actor actor) {
        DivisionCode home = actor.unit().regionCode();
        if (home.level().ordinal() >= RegionLevel.COUNTY.ordinal()) {
            return regionsOf(actor);
        }
        Map<String, List<Option>> groups = new LinkedHashMap<>();
        for (Region county : regions.within(home, RegionLevel.COUNTY)) {
            groups.put(county.name(), withChildren(county, RegionLevel.TOWNSHIP));
        }
        return groups;
    }

    /** A region and its children of a level, as "枫桥镇 › 枫源村". */
    private List<Option> withChildren(Region parent, RegionLevel level) {
        List<Option> options = new ArrayList<>();
        options.add(new Option(parent.code().value(), parent.name()));
        for (Region child : regions.children(parent.code())) {
            if (child.level() == level) {
                options.add(new Option(child.code().value(), parent.name() + " › " + child.name()));
            }
        }
        return options;
    }

    /** Townships and villages of the user's county, as "枫桥镇 › 枫源村", grouped by township. */
    Map<String, List<Option>> regionsOf(Actor actor) {
        DivisionCode county = actor.unit().regionCode().level().ordinal() >= RegionLevel.COUNTY.ordinal()
                ? actor.unit().regionCode().truncate(RegionLevel.COUNTY) : actor.unit().regionCode();
        Map<String, List<Option>> groups = new LinkedHashMap<>();
        for (Region township : regions.within(county, RegionLevel.TOWNSHIP)) {
            List<Option> options = withChildren(township, RegionLevel.VILLAGE);
            if (options.size() > 1 || township.code().isWithin(actor.unit().regionCode())
                    || actor.unit().regionCode().isWithin(township.code())) {
                groups.put(township.name(), options);
            }
        }
        return groups;
    }

    /** Active units by level (county, township, village), for assignment and transfer. */
    Map<RegionLevel, List<Unit>> unitsByLevel() {
        Map<RegionLevel, List<Unit>> byLevel = new LinkedHashMap<>();
        for (Unit u : units.list()) {
            if (u.active()) {
                byLevel.computeIfAbsent(u.level(), l -> new ArrayList<>()).add(u);
            }
        }
        return byLevel;
    }

    /** Active units at the same level as the given one (transfer stays at one level). */
    List<Unit> sameLevelAs(long unitId) {
        return units.find(unitId).map(u -> unitsAtLevel(u.level())).orElse(List.of());
    }

    List<Unit> unitsAtLevel(RegionLevel level) {
        return units.list().stream().filter(u -> u.active() && u.level() == level).toList();
    }

    private volatile List<Category> treeBuiltFrom;
    private volatile List<Branch> tree;

    /** The tree, rebuilt only when the categories change. */
    List<Branch> categoryTree() {
        List<Category> current = categories.list();
        if (!current.equals(treeBuiltFrom)) {
            tree = buildTree();
            treeBuiltFrom = current;
        }
        return tree;
    }

    private List<Branch> buildTree() {
        List<Branch> roots = new ArrayList<>();
        for (Category top : categories.children(null)) {
            if (!top.active()) {
                continue;
            }
            List<Branch> middle = new ArrayList<>();
            for (Category mid : categories.children(top.code())) {
                middle.add(new Branch(mid, categories.children(mid.code()).stream().filter(Category::active)
                        .map(leaf -> new Branch(leaf, List.of())).toList()));
            }
            roots.add(new Branch(top, middle));
        }
        return roots;
    }

    List<Category> leafCategories() {
        return categories.list().stream().filter(c -> c.active() && c.level() == 3).toList();
    }

    List<DisputeType> disputeTypes() {
        return categories.disputeTypes();
    }
}

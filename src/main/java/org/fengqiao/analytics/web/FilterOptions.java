package org.fengqiao.analytics.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.categories.DisputeType;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * The choices of the analytics pages' filters: the regions from the user's own down to villages, level-1 and
 * level-2 categories, dispute types. Region lists are kept for a few minutes per home region.
 */
@Component
class FilterOptions {

    /** A choice in a select, indented by its depth. */
    record Option(String value, String label, int depth) {
    }

    private final Regions regions;
    private final Categories categories;
    private final Cache<DivisionCode, List<Option>> regionOptions = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();

    FilterOptions(Regions regions, Categories categories) {
        this.regions = regions;
        this.categories = categories;
    }

    /** The user's region and everything below it down to villages (grids are reached by drilling down). */
    List<Option> regions(Actor actor) {
        return regionOptions.get(actor.unit().regionCode(), home -> {
            List<Option> options = new ArrayList<>();
            regions.find(home).ifPresent(r -> add(options, r, 0));
            return List.copyOf(options);
        });
    }

    private void add(List<Option> options, Region region, int depth) {
        options.add(new Option(region.code().value(), region.name(), depth));
        if (region.level().ordinal() < RegionLevel.VILLAGE.ordinal() && depth < 3) {
            for (Region child : regions.children(region.code())) {
                if (child.level() != RegionLevel.GRID) {
                    add(options, child, depth + 1);
                }
            }
        }
    }

    List<Option> categories() {
        List<Option> options = new ArrayList<>();
        for (Category top : categories.children(null)) {
            if (top.active()) {
                options.add(new Option(top.code(), top.name(), 0));
                for (Category mid : categories.children(top.code())) {
                    if (mid.active()) {
                        options.add(new Option(mid.code(), mid.name(), 1));
                    }
                }
            }
        }
        return options;
    }

    List<DisputeType> disputeTypes() {
        return categories.disputeTypes();
    }
}

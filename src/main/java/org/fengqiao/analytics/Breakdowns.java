package org.fengqiao.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.analytics.Summary.*;
import org.fengqiao.cases.Channel;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * The shapes a summary's counts are shown in: the trend by day or week and channel, the slices by category and
 * dispute type, and the regions one level down (a grid under a village) with their drill-down links.
 */
@Component
class Breakdowns {

    private final Categories categories;
    private final Regions regions;
    private final MessageSource messages;

    Breakdowns(Categories categories, Regions regions, MessageSource messages) {
        this.categories = categories;
        this.regions = regions;
        this.messages = messages;
    }

    Trend trend(Selection s, Map<LocalDate, Map<Channel, Long>> counts) {
        boolean weekly = s.granularity() == Granularity.WEEK;
        List<LocalDate> buckets = new ArrayList<>();
        LocalDate first = weekly ? s.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : s.from();
        for (LocalDate d = first; !d.isAfter(s.to()); d = weekly ? d.plusWeeks(1) : d.plusDays(1)) {
            buckets.add(d);
        }
        List<Series> series = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            List<Long> values = buckets.stream()
                    .map(b -> counts.getOrDefault(b, Map.of()).getOrDefault(channel, 0L)).toList();
            long sum = values.stream().mapToLong(Long::longValue).sum();
            if (sum > 0) {
                series.add(new Series(channel, text("channel." + channel.name()), values, sum));
            }
        }
        return new Trend(s.granularity(), buckets, series);
    }

    List<Slice> categories(Map<String, CohortCounts> counts) {
        return counts.entrySet().stream().map(e -> slice(e.getKey(), e.getKey() == null
                        ? text("analytics.slice.uncategorised")
                        : categories.find(e.getKey()).map(Category::name).orElse(e.getKey()), e.getValue(), null))
                .sorted(BY_SIZE).toList();
    }

    List<Slice> disputeTypes(Map<String, CohortCounts> counts, Locale locale) {
        return counts.entrySet().stream().filter(e -> e.getKey() != null)
                .map(e -> slice(e.getKey(), categories.disputeType(e.getKey()).map(d -> d.name(locale)).orElse(e.getKey()),
                        e.getValue(), null))
                .sorted(BY_SIZE).toList();
    }

    RegionBreakdown regions(Actor actor, DivisionCode root, RegionLevel child, Map<String, CohortCounts> counts) {
        String rootName = regions.find(root).map(Region::name).orElse(root.value());
        DivisionCode home = actor.unit().regionCode();
        String up = root.level() == RegionLevel.PROVINCE || root.equals(home) || !root.isWithin(home) ? null
                : root.parent().value();
        if (child == null) {
            return new RegionBreakdown(root.value(), rootName, null, up, List.of());
        }
        // keys are the first digits of the region code (padded here to a full code), a grid code, '' for no
        // grid, '-' for a case outside the selected region
        Map<String, CohortCounts> byCode = new HashMap<>();
        counts.forEach((key, c) -> byCode.put(key == null || key.isEmpty() || key.equals("-") || key.length() >= 12
                ? key : key + "0".repeat(12 - key.length()), c));
        Map<String, Slice> slices = new LinkedHashMap<>();
        for (Region r : regions.children(root)) {
            if (r.level() == child) {
                CohortCounts c = byCode.getOrDefault(r.code().value(), CohortCounts.NONE);
                slices.put(r.code().value(), slice(r.code().value(), r.name(), c, r.code().value()));
            }
        }
        byCode.forEach((code, c) -> {
            if (code != null && slices.containsKey(code)) {
                return;
            }
            if ("-".equals(code)) {
                slices.put("-", slice(null, text("analytics.slice.outside"), c, null));
            } else if (code == null || code.isEmpty()) {
                slices.put("", slice(null, text("analytics.slice.noGrid"), c, null));
            } else if (code.equals(root.value())) {
                slices.put(code, slice(null, text("analytics.slice.atRegion", rootName), c, null));
            } else {
                Region r = regions.find(code).orElse(null);
                slices.put(code, slice(code, r == null ? code : r.name(), c, r == null ? null : code));
            }
        });
        return new RegionBreakdown(root.value(), rootName, child, up, slices.values().stream().sorted(BY_SIZE).toList());
    }

    private static final Comparator<Slice> BY_SIZE = Comparator.comparingLong(Slice::registered).reversed()
            .thenComparing(Slice::code, Comparator.nullsLast(Comparator.naturalOrder()));

    private static Slice slice(String code, String label, CohortCounts c, String drillTo) {
        return new Slice(code, label, c.registered(), c.closed(), c.resolved(), drillTo);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

package org.fengqiao.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.fengqiao.analytics.Summary.Granularity;
import org.fengqiao.analytics.Summary.Selection;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Regions;

/** Reads an {@link AnalyticsFilter} as the {@link Selection} a summary is computed for and shows. */
@Component
class Selections {

    private final Regions regions;
    private final Categories categories;
    private final MessageSource messages;
    private final Clock clock;

    Selections(Regions regions, Categories categories, MessageSource messages, Clock clock) {
        this.regions = regions;
        this.categories = categories;
        this.messages = messages;
        this.clock = clock;
    }

    /** The filter checked (a 400 naming the field otherwise), with its names and the trend's granularity. */
    Selection of(AnalyticsFilter f, Locale locale) {
        LocalDate today = ChinaTime.dateOf(clock.instant());
        LocalDate to = f.to() != null ? f.to() : today;
        LocalDate from = f.from() != null ? f.from() : to.minusDays(Measures.DEFAULT_PERIOD_DAYS - 1);
        if (from.isAfter(to)) {
            throw new ProblemException.InvalidInput("from", "analytics.error.periodOrder", from.toString(), to.toString());
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > Measures.MAX_PERIOD_DAYS) {
            throw new ProblemException.InvalidInput("from", "analytics.error.periodTooLong", Measures.MAX_PERIOD_DAYS);
        }
        String regionName = null;
        if (f.region() != null) {
            if (!DivisionCode.isValid(f.region())) {
                throw new ProblemException.InvalidInput("region", "region.code.invalid");
            }
            regionName = regions.find(f.region()).map(r -> regions.pathName(r.code()))
                    .orElseThrow(() -> new ProblemException.InvalidInput("region", "analytics.error.unknownRegion",
                            f.region()));
        }
        String categoryName = null;
        if (f.category() != null) {
            categoryName = (f.category().matches("\\d{2}|\\d{4}|\\d{7}") ? categories.find(f.category())
                    : java.util.Optional.<Category>empty()).map(Category::path)
                    .orElseThrow(() -> new ProblemException.InvalidInput("category", "category.unknown", f.category()));
        }
        String disputeName = null;
        if (f.disputeType() != null) {
            disputeName = categories.disputeType(f.disputeType()).map(d -> d.name(locale))
                    .orElseThrow(() -> new ProblemException.InvalidInput("disputeType", "disputeType.unknown",
                            f.disputeType()));
        }
        return new Selection(from, to, days > Measures.DAILY_UP_TO_DAYS ? Granularity.WEEK : Granularity.DAY, f.region(),
                regionName, f.channel(), f.channel() == null ? null : text("channel." + f.channel().name()),
                f.category(), categoryName, f.disputeType(), disputeName);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

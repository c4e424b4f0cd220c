package org.fengqiao.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.fengqiao.cases.CaseFilter;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Regions;

/** A list's filter and order in words, as the ledger's title row and the audit log give them. */
@Component
class FilterDescription {

    private final Categories categories;
    private final Regions regions;
    private final MessageSource messages;

    FilterDescription(Categories categories, Regions regions, MessageSource messages) {
        this.categories = categories;
        this.regions = regions;
        this.messages = messages;
    }

    /** The filter in words, for the title row and the audit log: "状态：办理中；区域：诸暨市 › 枫桥镇". */
    String describe(CaseFilter f, CaseFilter.Sort sort, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (f.tray() != null) {
            parts.add(text(locale, "tray." + f.tray()));
        }
        if (!f.statuses().isEmpty()) {
            parts.add(pair(locale, "case.status", String.join(sep(locale),
                    f.statuses().stream().map(s -> text(locale, "status." + s)).toList())));
        }
        if (f.kind() != null) {
            parts.add(pair(locale, "case.kind", text(locale, "kind." + f.kind())));
        }
        if (f.channel() != null) {
            parts.add(pair(locale, "case.channel", text(locale, "channel." + f.channel())));
        }
        if (f.categoryCode() != null) {
            parts.add(pair(locale, "case.category",
                    categories.find(f.categoryCode()).map(Category::path).orElse(f.categoryCode())));
        }
        if (f.disputeType() != null) {
            parts.add(pair(locale, "case.disputeType", disputeTypeName(f.disputeType(), locale)));
        }
        if (f.region() != null) {
            parts.add(pair(locale, "case.region", DivisionCode.isValid(f.region())
                    ? regions.pathName(DivisionCode.of(f.region())) : f.region()));
        }
        if (f.from() != null || f.to() != null) {
            parts.add(text(locale, "ledger.filter.registered", f.from() == null ? "…" : f.from().toString(),
                    f.to() == null ? "…" : f.to().toString()));
        }
        if (f.text() != null) {
            parts.add(pair(locale, "cases.filter.text", f.text()));
        }
        if (f.minRisk() != null) {
            parts.add(pair(locale, "case.risk", text(locale, "risk.atLeast." + f.minRisk())));
        }
        if (f.overdue() != null) {
            parts.add(pair(locale, "case.overdue", text(locale, f.overdue() ? "ledger.yes" : "ledger.no")));
        }
        if (f.supervised() != null) {
            parts.add(pair(locale, "case.supervised", text(locale, f.supervised() ? "ledger.yes" : "ledger.no")));
        }
        String filters = parts.isEmpty() ? text(locale, "ledger.filter.all") : String.join(text(locale, "ledger.filter.separator"), parts);
        return filters + text(locale, "ledger.filter.separator") + pair(locale, "cases.sort", text(locale, "sort." + sort));
    }

    private String pair(Locale locale, String labelKey, String value) {
        return text(locale, "ledger.filter.pair", text(locale, labelKey), value);
    }

    private static String sep(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "、" : ", ";
    }

    /** A dispute type's name in the language, or its code when unknown. */
    String disputeTypeName(String code, Locale locale) {
        return categories.disputeType(code).map(d -> d.name(locale)).orElse(code);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}

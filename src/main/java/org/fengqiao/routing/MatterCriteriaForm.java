package org.fengqiao.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.validation.Errors;

import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.platform.MatterVocabulary;
import org.fengqiao.platform.ProblemMessages;

/**
 * What a routing rule and an admission entry are known by and match on, as the administration's forms edit them:
 * a code, a name, and the criteria kind, category prefix and dispute type (each blank for "any"). Each page's form
 * extends it; its template draws the criteria with {@code admin/fragments :: criteriaFields} and the list's cells
 * with {@code criteria(row)}, from what {@link #addChoices} puts in the model.
 */
public class MatterCriteriaForm {

    /** A choice in a select: the value sent and the label shown. */
    public record Choice(String value, String label) {
    }

    private String code;
    private String name;
    private String kind;
    private String categoryPrefix;
    private String disputeType;

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getCategoryPrefix() { return categoryPrefix; }
    public void setCategoryPrefix(String v) { categoryPrefix = v; }
    public String getDisputeType() { return disputeType; }
    public void setDisputeType(String v) { disputeType = v; }

    /** The code as typed without surrounding space, or null when left out. */
    public String strippedCode() {
        return code == null ? null : code.strip();
    }

    /** The kind, or null for any. */
    public String kindOrAny() {
        return blank(kind);
    }

    /** The category prefix, or null for any. */
    public String categoryOrAny() {
        return blank(categoryPrefix);
    }

    /** The dispute type, or null for any. */
    public String disputeTypeOrAny() {
        return blank(disputeType);
    }

    /** Refuses, each on its field, a category or a dispute type that does not exist. */
    public void checkCriteria(Categories categories, ProblemMessages problems, Errors errors) {
        String category = categoryOrAny();
        String dispute = disputeTypeOrAny();
        if (category != null && categories.find(category).isEmpty()) {
            errors.rejectValue("categoryPrefix", "refused", problems.text("category.unknown", category));
        }
        if (dispute != null && categories.disputeType(dispute).isEmpty()) {
            errors.rejectValue("disputeType", "refused", problems.text("disputeType.unknown", dispute));
        }
    }

    /**
     * What the criteria fields and cells draw from: {@code kinds}, {@code disputeTypes}, {@code categoryOptions}
     * (the active categories, indented by level), {@code categoryNames} (code → path) and {@code disputeNames}
     * (code → name in the locale).
     */
    public static void addChoices(Model model, Categories categories, MatterVocabulary vocabulary, Locale locale) {
        List<Choice> options = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Category c : categories.list()) {
            names.put(c.code(), c.path());
            if (c.active()) {
                options.add(new Choice(c.code(), "　".repeat(c.level() - 1) + c.code() + " " + c.name()));
            }
        }
        Map<String, String> disputeNames = new LinkedHashMap<>();
        categories.disputeTypes().forEach(d -> disputeNames.put(d.code(), d.name(locale)));
        model.addAttribute("kinds", vocabulary.kinds());
        model.addAttribute("disputeTypes", categories.disputeTypes());
        model.addAttribute("categoryOptions", options);
        model.addAttribute("categoryNames", names);
        model.addAttribute("disputeNames", disputeNames);
    }

    /** The text without surrounding space, or null when blank. */
    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

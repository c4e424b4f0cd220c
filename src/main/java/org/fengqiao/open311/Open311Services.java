package org.fengqiao.open311;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import org.fengqiao.cases.CaseKind;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;

/**
 * The service list of the GeoReport v2 API, made from the request taxonomy: one service per active level-2
 * category (its level-1 category is the group, its level-3 names the keywords), and one service {@value #DISPUTE}
 * for disputes, whose definition asks for the dispute type. Every service has a definition (metadata true) with
 * the attributes a case can take: the kind of request, the people involved, the client's own reference.
 */
@Service
public class Open311Services {

    /** The service code of disputes (矛盾纠纷). */
    public static final String DISPUTE = "DISPUTE";
    /** Attribute codes. */
    public static final String KIND = "kind";
    public static final String DISPUTE_TYPE = "dispute_type";
    public static final String PEOPLE_INVOLVED = "people_involved";
    public static final String EXTERNAL_ID = "external_id";
    /** The kinds a request to a category service may be (the default is a complaint). */
    public static final List<CaseKind> REQUEST_KINDS = List.of(CaseKind.COMPLAINT, CaseKind.HELP,
            CaseKind.CONSULTATION, CaseKind.SUGGESTION, CaseKind.REPORT, CaseKind.SAFETY_HAZARD);

    /** A service of the list. */
    public record ServiceType(String code, String name, String description, String keywords, String group) {
    }

    /** An attribute of a service definition. */
    public record Attribute(String code, String datatype, boolean required, String datatypeDescription, int order,
                            String description, List<Value> values) {
    }

    public record Value(String key, String name) {
    }

    private final Categories categories;
    private final MessageSource messages;

    Open311Services(Categories categories, MessageSource messages) {
        this.categories = categories;
        this.messages = messages;
    }

    public List<ServiceType> list(Locale locale) {
        List<ServiceType> services = new ArrayList<>();
        services.add(new ServiceType(DISPUTE, text("open311.service.dispute.name", locale),
                text("open311.service.dispute.description", locale), disputeKeywords(locale),
                text("open311.service.dispute.group", locale)));
        List<Category> all = categories.list();
        for (Category c : all) {
            if (c.level() == 2 && c.active()) {
                String keywords = all.stream().filter(k -> k.active() && c.code().equals(k.parentCode()))
                        .map(Category::name).limit(12).collect(Collectors.joining(","));
                String group = categories.find(c.parentCode()).map(Category::name).orElse("");
                services.add(new ServiceType(c.code(), c.name(), c.path(), keywords, group));
            }
        }
        return services;
    }

    public Optional<ServiceType> find(String code, Locale locale) {
        return code == null ? Optional.empty()
                : list(locale).stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The definition's attributes, in order. */
    public List<Attribute> attributes(String code, Locale locale) {
        List<Attribute> attributes = new ArrayList<>();
        if (DISPUTE.equals(code)) {
            attributes.add(new Attribute(DISPUTE_TYPE, "singlevaluelist", true, text("open311.attr.list", locale), 1,
                    text("open311.attr.disputeType", locale), categories.disputeTypes().stream()
                    .map(d -> new Value(d.code(), d.name(locale))).toList()));
        } else {
            attributes.add(new Attribute(KIND, "singlevaluelist", false, text("open311.attr.list", locale), 1,
                    text("open311.attr.kind", locale), REQUEST_KINDS.stream()
                    .map(k -> new Value(k.name(), text("kind." + k.name(), locale))).toList()));
        }
        attributes.add(new Attribute(PEOPLE_INVOLVED, "number", false, text("open311.attr.number", locale), 2,
                text("open311.attr.peopleInvolved", locale), List.of()));
        attributes.add(new Attribute(EXTERNAL_ID, "string", false, text("open311.attr.string", locale), 3,
                text("open311.attr.externalId", locale), List.of()));
        return attributes;
    }

    private String disputeKeywords(Locale locale) {
        return categories.disputeTypes().stream().map(d -> d.name(locale)).limit(12).collect(Collectors.joining(","));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}

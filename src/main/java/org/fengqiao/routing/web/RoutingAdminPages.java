package org.fengqiao.routing.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.FormErrors;
import org.fengqiao.platform.MatterVocabulary;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;
import org.fengqiao.routing.Router;
import org.fengqiao.routing.RoutingDecision;
import org.fengqiao.routing.RoutingQuery;
import org.fengqiao.routing.RoutingRule;

/**
 * 分派规则: the routing rules with their criteria, switching them on and off, adding one, and trying them out —
 * which unit would the rules choose for a matter like this, and why.
 */
@Controller
@RequestMapping("/admin/routing")
class RoutingAdminPages {

    static final String LIST = "admin/routing";
    static final String CREATE = "admin/routing-new";

    /** The new-rule form. */
    static class RuleForm {
        String code;
        String name;
        String kind;
        String categoryPrefix;
        String disputeType;
        String regionPrefix;
        RegionLevel level = RegionLevel.VILLAGE;
        UnitKind unitKind = UnitKind.MEDIATION_COMMITTEE;
        Integer priority = 100;

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
        public String getRegionPrefix() { return regionPrefix; }
        public void setRegionPrefix(String v) { regionPrefix = v; }
        public RegionLevel getLevel() { return level; }
        public void setLevel(RegionLevel v) { level = v; }
        public UnitKind getUnitKind() { return unitKind; }
        public void setUnitKind(UnitKind v) { unitKind = v; }
        public Integer getPriority() { return priority; }
        public void setPriority(Integer v) { priority = v; }
    }

    /** The "try it" form: the facts of a matter. */
    record Trial(String kind, String category, String disputeType, String region) {
        boolean asked() {
            return region != null;
        }
    }

    /** A choice in a select. */
    record Option(String value, String label) {
    }

    private final Router router;
    private final Categories categories;
    private final Regions regions;
    private final Units units;
    private final MatterVocabulary vocabulary;
    private final ProblemMessages problems;

    RoutingAdminPages(Router router, Categories categories, Regions regions, Units units, MatterVocabulary vocabulary,
                      ProblemMessages problems) {
        this.router = router;
        this.categories = categories;
        this.regions = regions;
        this.units = units;
        this.vocabulary = vocabulary;
        this.problems = problems;
    }

    @GetMapping
    String list(@AuthenticationPrincipal(expression = "unitId()") long myUnit,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String category,
                @RequestParam(required = false) String disputeType, @RequestParam(required = false) String region,
                Model model) {
        Trial trial = new Trial(blank(kind), blank(category), blank(disputeType), blank(region));
        if (trial.asked()) {
            try {
                if (!DivisionCode.isValid(trial.region())) {
                    throw new ProblemException.InvalidInput("region", "region.code.invalid");
                }
                regions.require("region", trial.region());
                RoutingDecision decision = router.route(new RoutingQuery(trial.kind(), trial.category(),
                                trial.disputeType(), DivisionCode.of(trial.region())))
                        .orElseThrow(() -> new ProblemException.NotFound("routing.noUnit"));
                model.addAttribute("decision", decision);
            } catch (ProblemException e) {
                model.addAttribute("trialError", problems.text(e));
            }
        }
        model.addAttribute("trial", trial);
        model.addAttribute("rules", router.rules().stream()
                .sorted(Comparator.comparing((RoutingRule r) -> !r.active()).thenComparing(RoutingRule::code)).toList());
        model.addAttribute("categoryNames", categoryNames());
        Map<String, String> disputeNames = new LinkedHashMap<>();
        categories.disputeTypes().forEach(d -> disputeNames.put(d.code(),
                d.name(org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        model.addAttribute("disputeNames", disputeNames);
        model.addAttribute("regionOptions", regionOptions(myUnit));
        return choices(model, LIST);
    }

    @GetMapping("/new")
    String initCreateForm(Model model) {
        model.addAttribute("ruleForm", new RuleForm());
        return choices(model, CREATE);
    }

    @PostMapping("/new")
    String processCreateForm(@ModelAttribute("ruleForm") RuleForm form, BindingResult binding, Model model,
                             RedirectAttributes redirect) {
        String category = blank(form.categoryPrefix);
        String dispute = blank(form.disputeType);
        String regionPrefix = blank(form.regionPrefix);
        if (category != null && categories.find(category).isEmpty()) {
            binding.rejectValue("categoryPrefix", "refused", problems.text("category.unknown", category));
        }
        if (dispute != null && categories.disputeType(dispute).isEmpty()) {
            binding.rejectValue("disputeType", "refused", problems.text("disputeType.unknown", dispute));
        }
        if (regionPrefix != null && !regionPrefix.matches("[0-9]{2,12}")) {
            binding.rejectValue("regionPrefix", "refused", problems.text("admin.routing.badRegionPrefix"));
        }
        if (form.level == null) {
            binding.rejectValue("level", "refused", problems.text("routing.badLevel"));
        }
        if (form.unitKind == null) {
            binding.rejectValue("unitKind", "refused", problems.text("admin.routing.unitKindRequired"));
        }
        if (binding.hasErrors()) {
            return choices(model, CREATE);
        }
        try {
            RoutingRule rule = router.create(new RoutingRule(0, form.code == null ? null : form.code.strip(), form.name,
                    blank(form.kind), category, dispute, regionPrefix, form.level, form.unitKind,
                    form.priority == null ? 100 : form.priority, true));
            redirect.addFlashAttribute("success", problems.text("admin.routing.created", rule.code()));
            return "redirect:/admin/routing";
        } catch (ProblemException e) {
            FormErrors.reject(binding, problems, e, Map.of(), "code");
            return choices(model, CREATE);
        }
    }

    @PostMapping("/{code}/active")
    String processActiveForm(@PathVariable String code, @RequestParam boolean active, RedirectAttributes redirect) {
        RoutingRule rule = router.setActive(code, active);
        redirect.addFlashAttribute("success", problems.text(active ? "admin.routing.switchedOn"
                : "admin.routing.switchedOff", rule.code()));
        return "redirect:/admin/routing";
    }

    private String choices(Model model, String view) {
        model.addAttribute("kinds", vocabulary.kinds());
        model.addAttribute("disputeTypes", categories.disputeTypes());
        model.addAttribute("categoryOptions", categoryOptions());
        model.addAttribute("levels", List.of(RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE));
        model.addAttribute("unitKinds", UnitKind.values());
        model.addAttribute("nav", "admin");
        return view;
    }

    /** Level 1 and 2 categories (what rules key on) and, indented, the leaves under them. */
    private List<Option> categoryOptions() {
        List<Option> options = new ArrayList<>();
        for (Category c : categories.list()) {
            if (c.active()) {
                options.add(new Option(c.code(), "　".repeat(c.level() - 1) + c.code() + " " + c.name()));
            }
        }
        return options;
    }

    private Map<String, String> categoryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        categories.list().forEach(c -> names.put(c.code(), c.path()));
        return names;
    }

    /** The administrator's county, its townships and villages. */
    private List<Option> regionOptions(long myUnit) {
        DivisionCode own = units.find(myUnit).map(u -> u.regionCode()).orElse(null);
        if (own == null) {
            return List.of();
        }
        DivisionCode county = own.level().ordinal() >= RegionLevel.COUNTY.ordinal() ? own.truncate(RegionLevel.COUNTY) : own;
        List<Region> all = new ArrayList<>(regions.within(county, RegionLevel.TOWNSHIP));
        all.addAll(regions.within(county, RegionLevel.VILLAGE));
        all.sort(Comparator.comparing(r -> r.code().value()));
        List<Option> options = new ArrayList<>();
        options.add(new Option(county.value(), regions.pathName(county)));
        all.forEach(r -> options.add(new Option(r.code().value(), regions.pathName(r.code()))));
        return options;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

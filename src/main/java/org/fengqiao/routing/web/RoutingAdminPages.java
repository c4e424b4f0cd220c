package org.fengqiao.routing.web;

import static org.fengqiao.routing.MatterCriteriaForm.blank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
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
import org.fengqiao.routing.MatterCriteriaForm;
import org.fengqiao.routing.MatterCriteriaForm.Choice;
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

    /** The new-rule form: the criteria, and where and whom a match goes to. */
    static class RuleForm extends MatterCriteriaForm {
        String regionPrefix;
        RegionLevel level = RegionLevel.VILLAGE;
        UnitKind unitKind = UnitKind.MEDIATION_COMMITTEE;
        Integer priority = 100;

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
        String regionPrefix = blank(form.regionPrefix);
        form.checkCriteria(categories, problems, binding);
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
            RoutingRule rule = router.create(new RoutingRule(0, form.strippedCode(), form.getName(), form.kindOrAny(),
                    form.categoryOrAny(), form.disputeTypeOrAny(), regionPrefix, form.level, form.unitKind,
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
        MatterCriteriaForm.addChoices(model, categories, vocabulary, LocaleContextHolder.getLocale());
        model.addAttribute("levels", List.of(RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE));
        model.addAttribute("unitKinds", UnitKind.values());
        model.addAttribute("nav", "admin");
        return view;
    }

    /** The administrator's county, its townships and villages. */
    private List<Choice> regionOptions(long myUnit) {
        DivisionCode own = units.find(myUnit).map(u -> u.regionCode()).orElse(null);
        if (own == null) {
            return List.of();
        }
        DivisionCode county = own.level().ordinal() >= RegionLevel.COUNTY.ordinal() ? own.truncate(RegionLevel.COUNTY) : own;
        List<Region> all = new ArrayList<>(regions.within(county, RegionLevel.TOWNSHIP));
        all.addAll(regions.within(county, RegionLevel.VILLAGE));
        all.sort(Comparator.comparing(r -> r.code().value()));
        List<Choice> options = new ArrayList<>();
        options.add(new Choice(county.value(), regions.pathName(county)));
        all.forEach(r -> options.add(new Choice(r.code().value(), regions.pathName(r.code()))));
        return options;
    }
}

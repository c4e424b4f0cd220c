package org.fengqiao.deadlines.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import org.fengqiao.deadlines.DeadlinePolicy;
import org.fengqiao.deadlines.DeadlinePolicy.DurationUnit;
import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.platform.FormErrors;
import org.fengqiao.platform.MatterVocabulary;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * 办理时限: the deadline policies of every step; changing one's duration, description or activity, and adding a
 * narrower policy (a channel, kind, category or urgency) beside a step's default.
 */
@Controller
@RequestMapping("/admin/deadlines")
class DeadlineAdminPages {

    static final String LIST = "admin/deadlines";
    static final String EDIT = "admin/deadline";
    static final String CREATE = "admin/deadline-new";

    /** Changing a policy. */
    static class PolicyForm {
        Integer amount;
        DurationUnit unit;
        Integer limitCount;
        String description;
        boolean active;

        public Integer getAmount() { return amount; }
        public void setAmount(Integer v) { amount = v; }
        public DurationUnit getUnit() { return unit; }
        public void setUnit(DurationUnit v) { unit = v; }
        public Integer getLimitCount() { return limitCount; }
        public void setLimitCount(Integer v) { limitCount = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public boolean isActive() { return active; }
        public void setActive(boolean v) { active = v; }
    }

    /** A new, narrower policy. */
    static class NewPolicyForm extends PolicyForm {
        String code;
        DeadlineStep step = DeadlineStep.HANDLE;
        String channel;
        String kind;
        String categoryPrefix;
        String urgent = "";

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public DeadlineStep getStep() { return step; }
        public void setStep(DeadlineStep v) { step = v; }
        public String getChannel() { return channel; }
        public void setChannel(String v) { channel = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getCategoryPrefix() { return categoryPrefix; }
        public void setCategoryPrefix(String v) { categoryPrefix = v; }
        public String getUrgent() { return urgent; }
        public void setUrgent(String v) { urgent = v; }
    }

    private final Deadlines deadlines;
    private final MatterVocabulary vocabulary;
    private final ProblemMessages problems;

    DeadlineAdminPages(Deadlines deadlines, MatterVocabulary vocabulary, ProblemMessages problems) {
        this.deadlines = deadlines;
        this.vocabulary = vocabulary;
        this.problems = problems;
    }

    @GetMapping
    String list(Model model) {
        Map<DeadlineStep, List<DeadlinePolicy>> bySteps = new LinkedHashMap<>();
        for (DeadlineStep step : DeadlineStep.values()) {
            bySteps.put(step, new ArrayList<>());
        }
        deadlines.policies().forEach(p -> bySteps.get(p.step()).add(p));
        model.addAttribute("bySteps", bySteps);
        model.addAttribute("nav", "admin");
        return LIST;
    }

    @GetMapping("/{code}")
    String initUpdateForm(@PathVariable String code, Model model) {
        DeadlinePolicy policy = policy(code);
        PolicyForm form = new PolicyForm();
        form.amount = policy.amount();
        form.unit = policy.unit();
        form.limitCount = policy.limitCount();
        form.description = policy.description();
        form.active = policy.active();
        model.addAttribute("policyForm", form);
        return editForm(policy, model);
    }

    @PostMapping("/{code}")
    String processUpdateForm(@PathVariable String code, @ModelAttribute("policyForm") PolicyForm form,
                             BindingResult binding, Model model, RedirectAttributes redirect) {
        DeadlinePolicy policy = policy(code);
        required(form, binding);
        if (!binding.hasErrors()) {
            try {
                deadlines.update(code, form.amount, form.unit, form.limitCount, form.description, form.active);
                redirect.addFlashAttribute("success", problems.text("admin.deadline.changed", code));
                return "redirect:/admin/deadlines";
            } catch (ProblemException e) {
                FormErrors.reject(binding, problems, e);
            }
        }
        return editForm(policy, model);
    }

    /** A new policy, prefilled from the one it narrows ({@code ?from=HANDLE_DEFAULT}). */
    @GetMapping("/new")
    String initCreateForm(@RequestParam(required = false) String from, Model model) {
        NewPolicyForm form = new NewPolicyForm();
        deadlines.find(from == null ? "" : from).ifPresent(p -> {
            form.step = p.step();
            form.amount = p.amount();
            form.unit = p.unit();
            form.limitCount = p.limitCount();
        });
        form.active = true;
        model.addAttribute("newPolicyForm", form);
        return createForm(model);
    }

    @PostMapping("/new")
    String processCreateForm(@ModelAttribute("newPolicyForm") NewPolicyForm form, BindingResult binding, Model model,
                             RedirectAttributes redirect) {
        required(form, binding);
        if (form.step == null) {
            binding.rejectValue("step", "refused", problems.text("admin.form.required"));
        }
        if (!binding.hasErrors()) {
            try {
                Boolean urgent = form.urgent == null || form.urgent.isBlank() ? null : Boolean.valueOf(form.urgent);
                DeadlinePolicy created = deadlines.create(new DeadlinePolicy(0, form.code == null ? "" : form.code.strip(),
                        form.step, blank(form.channel), blank(form.kind), blank(form.categoryPrefix), urgent,
                        form.amount, form.unit, form.limitCount, form.description, true));
                redirect.addFlashAttribute("success", problems.text("admin.deadline.created", created.code()));
                return "redirect:/admin/deadlines";
            } catch (ProblemException e) {
                FormErrors.reject(binding, problems, e, Map.of(), "code");
            }
        }
        return createForm(model);
    }

    private void required(PolicyForm form, BindingResult binding) {
        if (form.amount == null && !binding.hasFieldErrors("amount")) {
            binding.rejectValue("amount", "refused", problems.text("admin.form.required"));
        }
        if (form.unit == null && !binding.hasFieldErrors("unit")) {
            binding.rejectValue("unit", "refused", problems.text("admin.form.required"));
        }
    }

    private DeadlinePolicy policy(String code) {
        return deadlines.find(code).orElseThrow(() -> new ProblemException.NotFound("deadlinePolicy.notFound", code));
    }

    private String editForm(DeadlinePolicy policy, Model model) {
        model.addAttribute("policy", policy);
        model.addAttribute("units", DurationUnit.values());
        model.addAttribute("nav", "admin");
        return EDIT;
    }

    private String createForm(Model model) {
        model.addAttribute("steps", DeadlineStep.values());
        model.addAttribute("units", DurationUnit.values());
        model.addAttribute("channels", vocabulary.channels());
        model.addAttribute("kinds", vocabulary.kinds());
        model.addAttribute("nav", "admin");
        return CREATE;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

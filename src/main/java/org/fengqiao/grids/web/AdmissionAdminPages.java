package org.fengqiao.grids.web;

import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
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
import org.fengqiao.platform.FormErrors;
import org.fengqiao.platform.MatterVocabulary;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.routing.MatterAdmission;
import org.fengqiao.routing.MatterCriteriaForm;
import org.fengqiao.routing.Router;

/**
 * 网格事项准入 for administrators: the list of matters that may be pushed down to village centres and grid workers
 * (routing and manual assignment follow it at once), adding an entry, switching one off and on, and removing one —
 * each change asked to be confirmed and written to the audit log.
 */
@Controller
@RequestMapping("/admin/admission")
class AdmissionAdminPages {

    static final String LIST = "admin/admission";

    /** The new-entry form: the criteria and the basis in policy. */
    static class EntryForm extends MatterCriteriaForm {
        String basis;

        public String getBasis() { return basis; }
        public void setBasis(String v) { basis = v; }
    }

    private final MatterAdmission admission;
    private final Categories categories;
    private final MatterVocabulary vocabulary;
    private final ProblemMessages problems;

    AdmissionAdminPages(Router router, Categories categories, MatterVocabulary vocabulary, ProblemMessages problems) {
        this.admission = router.admission();
        this.categories = categories;
        this.vocabulary = vocabulary;
        this.problems = problems;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("entryForm", new EntryForm());
        return page(model);
    }

    @PostMapping
    String processCreateForm(@ModelAttribute("entryForm") EntryForm form, BindingResult binding, Model model,
                             RedirectAttributes redirect) {
        String kind = form.kindOrAny();
        if (kind != null && !vocabulary.kinds().contains(kind)) {
            binding.rejectValue("kind", "refused", problems.text("admission.badKind"));
        }
        form.checkCriteria(categories, problems, binding);
        if (binding.hasErrors()) {
            return page(model);
        }
        try {
            MatterAdmission.Entry added = admission.add(new MatterAdmission.Entry(form.strippedCode(), form.getName(),
                    kind, form.categoryOrAny(), form.disputeTypeOrAny(), MatterCriteriaForm.blank(form.basis), true));
            redirect.addFlashAttribute("success", problems.text("admission.admin.added", added.name()));
            return "redirect:/admin/admission";
        } catch (ProblemException e) {
            FormErrors.reject(binding, problems, e, Map.of(), "code");
            return page(model);
        }
    }

    @PostMapping("/{code}/active")
    String processActiveForm(@PathVariable String code, @RequestParam boolean active, RedirectAttributes redirect) {
        MatterAdmission.Entry e = admission.setActive(code, active);
        redirect.addFlashAttribute("success", problems.text(active ? "admission.admin.switchedOn"
                : "admission.admin.switchedOff", e.name()));
        return "redirect:/admin/admission";
    }

    @PostMapping("/{code}/remove")
    String processRemoveForm(@PathVariable String code, RedirectAttributes redirect) {
        MatterAdmission.Entry gone = admission.remove(code);
        redirect.addFlashAttribute("success", problems.text("admission.admin.removed", gone.name()));
        return "redirect:/admin/admission";
    }

    private String page(Model model) {
        model.addAttribute("nav", "admin");
        model.addAttribute("entries", admission.entries());
        MatterCriteriaForm.addChoices(model, categories, vocabulary, LocaleContextHolder.getLocale());
        return LIST;
    }
}

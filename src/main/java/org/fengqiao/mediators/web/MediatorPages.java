package org.fengqiao.mediators.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.fengqiao.access.Actor;
import org.fengqiao.categories.Categories;
import org.fengqiao.mediators.MediatorRecord;
import org.fengqiao.mediators.Mediators;

/** The mediator directory with each mediator's record. */
@Controller
class MediatorPages {

    static final String DIRECTORY = "mediators/directory";

    record Row(org.fengqiao.mediators.Mediator mediator, MediatorRecord record) {
    }

    private final Mediators mediators;
    private final Categories categories;

    MediatorPages(Mediators mediators, Categories categories) {
        this.mediators = mediators;
        this.categories = categories;
    }

    @GetMapping("/mediators")
    String directory(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String disputeType,
                     @RequestParam(defaultValue = "false") boolean availableOnly, Model model) {
        String type = disputeType == null || disputeType.isBlank() ? null : disputeType;
        if (type != null && categories.disputeType(type).isEmpty()) {
            type = null;
        }
        model.addAttribute("nav", "mediators");
        model.addAttribute("disputeType", type);
        model.addAttribute("availableOnly", availableOnly);
        model.addAttribute("disputeTypes", categories.disputeTypes());
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("typeNames", categories.disputeTypes().stream().collect(java.util.stream.Collectors.toMap(
                org.fengqiao.categories.DisputeType::code, t -> t.name(locale))));
        model.addAttribute("minSample", MediatorRecord.MIN_SAMPLE);
        model.addAttribute("rows", mediators.list(type, null, availableOnly).stream()
                .map(m -> new Row(m, mediators.record(actor, m))).toList());
        return DIRECTORY;
    }
}

package org.fengqiao.open311.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.open311.Open311Clients;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * {@code /admin/open311}, administrators only: the client systems with their state and last use, issuing a key
 * for a new client (shown once, on the page that follows) and revoking one.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class Open311AdminPages {

    static final String LIST = "admin/open311";

    private final Open311Clients clients;
    private final ProblemMessages problems;

    Open311AdminPages(Open311Clients clients, ProblemMessages problems) {
        this.clients = clients;
        this.problems = problems;
    }

    @GetMapping("/admin/open311")
    String list(Model model) {
        model.addAttribute("nav", "admin");
        model.addAttribute("clients", clients.list());
        return LIST;
    }

    @PostMapping("/admin/open311")
    String issue(@AuthenticationPrincipal(expression = "userId()") long me, @RequestParam(required = false) String name,
                 @RequestParam(required = false) String actingUsername, RedirectAttributes redirect) {
        try {
            Open311Clients.IssuedKey key = clients.issue(name, actingUsername, me);
            redirect.addFlashAttribute("issuedKey", key.key());
            redirect.addFlashAttribute("success", problems.text("open311.admin.issued"));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/admin/open311";
    }

    @PostMapping("/admin/open311/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        clients.revoke(id);
        redirect.addFlashAttribute("success", problems.text("open311.admin.revoked"));
        return "redirect:/admin/open311";
    }
}

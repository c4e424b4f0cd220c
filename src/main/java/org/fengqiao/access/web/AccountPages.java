package org.fengqiao.access.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.organisation.Staff;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * Logging in and changing one's password.
 */
@Controller
class AccountPages {

    static final String LOGIN = "login";
    static final String PASSWORD = "account/password";

    private final Staff staff;
    private final ProblemMessages problems;

    AccountPages(Staff staff, ProblemMessages problems) {
        this.staff = staff;
        this.problems = problems;
    }

    @GetMapping("/login")
    String login() {
        return LOGIN;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/workbench";
    }

    @GetMapping("/account/password")
    String initPasswordForm() {
        return PASSWORD;
    }

    @PostMapping("/account/password")
    String processPasswordForm(@AuthenticationPrincipal Actor actor, @RequestParam String currentPassword,
                               @RequestParam String newPassword, @RequestParam String repeatPassword, Model model,
                               RedirectAttributes redirect) {
        if (!newPassword.equals(repeatPassword)) {
            model.addAttribute("error", problems.text("account.passwordsDiffer"));
            return PASSWORD;
        }
        try {
            staff.changePassword(actor.userId(), currentPassword, newPassword);
        } catch (ProblemException e) {
            model.addAttribute("error", problems.text(e));
            return PASSWORD;
        }
        redirect.addFlashAttribute("success", problems.text("account.passwordChanged"));
        return "redirect:/workbench";
    }
}

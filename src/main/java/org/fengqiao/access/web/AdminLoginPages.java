package org.fengqiao.access.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.access.ApiTokens;
import org.fengqiao.access.LoginHistory;
import org.fengqiao.access.PageSessions;
import org.fengqiao.access.TwoFactor;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * For administrators: a user's sign-in history, live sessions and two-factor status, and resetting a lost second
 * factor ({@code /admin/**} is
 * restricted to administrators in the security configuration).
 */
@Controller
class AdminLoginPages {

    static final String LOGINS = "account/admin-logins";

    private final Staff staff;
    private final LoginHistory history;
    private final PageSessions sessions;
    private final TwoFactor twoFactor;
    private final ApiTokens tokens;
    private final ProblemMessages problems;

    AdminLoginPages(Staff staff, LoginHistory history, PageSessions sessions, TwoFactor twoFactor, ApiTokens tokens,
                    ProblemMessages problems) {
        this.staff = staff;
        this.tokens = tokens;
        this.problems = problems;
        this.history = history;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
    }

    @GetMapping("/admin/users/{id}/logins")
    String logins(@PathVariable long id, Model model) {
        StaffUser user = staff.find(id).orElseThrow(() -> new ProblemException.NotFound("staff.notFound"));
        model.addAttribute("user", user);
        model.addAttribute("logins", history.recent(id, 100));
        model.addAttribute("sessions", sessions.of(user.username()));
        model.addAttribute("enrolled", twoFactor.enrolled(id));
        model.addAttribute("nav", "admin");
        return LOGINS;
    }

    /**
     * Resets a user's second factor (a lost phone) and ends their sessions and tokens, so whoever holds the old
     * device or a live session must sign in again — with a new enrolment where two factors are required.
     */
    @PostMapping("/admin/users/{id}/two-factor/reset")
    String resetTwoFactor(@AuthenticationPrincipal Actor admin, @PathVariable long id, RedirectAttributes redirect) {
        StaffUser user = staff.find(id).orElseThrow(() -> new ProblemException.NotFound("staff.notFound"));
        if (twoFactor.resetBy(admin, id)) {
            sessions.endAll(user.username(), null);
            tokens.revokeAll(id);
            redirect.addFlashAttribute("success", problems.text("admin.user.twoFactorReset", user.username()));
        } else {
            redirect.addFlashAttribute("error", problems.text("admin.user.twoFactorNone", user.username()));
        }
        return "redirect:/admin/users/" + id + "/logins";
    }
}

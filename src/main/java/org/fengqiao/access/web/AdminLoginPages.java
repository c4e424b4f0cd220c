package org.fengqiao.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.fengqiao.access.LoginHistory;
import org.fengqiao.access.PageSessions;
import org.fengqiao.access.TwoFactor;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.platform.ProblemException;

/**
 * For administrators: a user's sign-in history, live sessions and two-factor status ({@code /admin/**} is
 * restricted to administrators in the security configuration).
 */
@Controller
class AdminLoginPages {

    static final String LOGINS = "account/admin-logins";

    private final Staff staff;
    private final LoginHistory history;
    private final PageSessions sessions;
    private final TwoFactor twoFactor;

    AdminLoginPages(Staff staff, LoginHistory history, PageSessions sessions, TwoFactor twoFactor) {
        this.staff = staff;
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
}

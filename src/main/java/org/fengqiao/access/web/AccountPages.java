package org.fengqiao.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.AccountGate;
import org.fengqiao.access.Actor;
import org.fengqiao.access.ApiTokens;
import org.fengqiao.access.LoginHistory;
import org.fengqiao.access.PageSessions;
import org.fengqiao.access.SignIns;
import org.fengqiao.access.TwoFactor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.organisation.Staff;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * Logging in, the account page (sign-in history, sessions, "sign out everywhere", two-factor status) and
 * changing one's password — also the forced change of an initial or reset password.
 */
@Controller
class AccountPages {

    static final String LOGIN = "login";
    static final String ACCOUNT = "account/overview";
    static final String PASSWORD = "account/password";

    private final Staff staff;
    private final ProblemMessages problems;
    private final SignIns signIns;
    private final LoginHistory history;
    private final PageSessions sessions;
    private final ApiTokens tokens;
    private final TwoFactor twoFactor;
    private final AccountGate gate;
    private final AuditLog audit;

    AccountPages(Staff staff, ProblemMessages problems, SignIns signIns, LoginHistory history,
                 PageSessions sessions, ApiTokens tokens, TwoFactor twoFactor, AccountGate gate, AuditLog audit) {
        this.staff = staff;
        this.problems = problems;
        this.signIns = signIns;
        this.history = history;
        this.sessions = sessions;
        this.tokens = tokens;
        this.twoFactor = twoFactor;
        this.gate = gate;
        this.audit = audit;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoExemption", twoFactor.demoExemption());
        return LOGIN;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/workbench";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal Actor actor, HttpSession session, Model model) {
        model.addAttribute("logins", history.recent(actor.userId(), 20));
        model.addAttribute("sessions", sessions.of(actor.username()));
        model.addAttribute("currentSession", session.getId());
        model.addAttribute("enrolled", twoFactor.enrolled(actor.userId()));
        model.addAttribute("required", twoFactor.required(actor));
        return ACCOUNT;
    }

    /** Ends every page session of the user, this one included, and revokes their API tokens. */
    @PostMapping("/account/sign-out-everywhere")
    @Transactional
    String signOutEverywhere(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        tokens.revokeAll(actor.userId());
        sessions.endAll(actor.username(), null);
        audit.recordAccount(actor.userId(), actor.unitId(), AuditLog.Action.SIGNED_OUT_EVERYWHERE,
                "user:" + actor.userId(), java.util.Map.of());
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // ended above with the others
            }
        }
        return "redirect:/login?signedOut";
    }

    @GetMapping("/account/password")
    String initPasswordForm(HttpSession session, Model model) {
        model.addAttribute("forced", AccountGate.owed(session).orElse(null) == AccountGate.Step.CHANGE_PASSWORD);
        return PASSWORD;
    }

    @PostMapping("/account/password")
    String processPasswordForm(@AuthenticationPrincipal Actor actor, @RequestParam String currentPassword,
                               @RequestParam String newPassword, @RequestParam String repeatPassword,
                               HttpServletRequest request, Model model, RedirectAttributes redirect) {
        HttpSession session = request.getSession();
        model.addAttribute("forced", AccountGate.owed(session).orElse(null) == AccountGate.Step.CHANGE_PASSWORD);
        var wait = signIns.passwordChangeRefusal(actor.username(), request.getRemoteAddr());
        if (wait.isPresent()) {
            model.addAttribute("error", problems.text("auth.throttled", Math.max(1, wait.get().toSeconds())));
            return PASSWORD;
        }
        if (!staff.passwordMatches(actor.userId(), currentPassword)) {
            signIns.wrongCurrentPassword(actor.username(), request.getRemoteAddr());
            model.addAttribute("error", problems.text("staff.wrongPassword"));
            return PASSWORD;
        }
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
        return "redirect:" + gate.advance(session, actor, true).orElse("/workbench");
    }
}

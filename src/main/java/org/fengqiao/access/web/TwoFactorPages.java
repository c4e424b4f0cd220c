package org.fengqiao.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.AccountGate;
import org.fengqiao.access.Actor;
import org.fengqiao.access.LoginHandlers;
import org.fengqiao.access.LoginHistory;
import org.fengqiao.access.SignIns;
import org.fengqiao.access.TwoFactor;
import org.fengqiao.organisation.Staff;
import org.fengqiao.platform.ProblemMessages;

/**
 * Two-factor login: the code asked after the password, and enrolment on the account page (a QR code for the
 * authenticator app, a first code to prove it works, then the recovery codes, shown once).
 */
@Controller
class TwoFactorPages {

    static final String VERIFY = "account/login-two-factor";
    static final String ENROL = "account/two-factor";

    private static final String PENDING_SECRET = "fq.2fa.pending";

    private final TwoFactor twoFactor;
    private final AccountGate gate;
    private final SignIns signIns;
    private final LoginHandlers handlers;
    private final Staff staff;
    private final ProblemMessages problems;

    TwoFactorPages(TwoFactor twoFactor, AccountGate gate, SignIns signIns, LoginHandlers handlers, Staff staff,
                   ProblemMessages problems) {
        this.twoFactor = twoFactor;
        this.gate = gate;
        this.signIns = signIns;
        this.handlers = handlers;
        this.staff = staff;
        this.problems = problems;
    }

    @GetMapping("/login/two-factor")
    String initVerifyForm(HttpSession session) {
        return AccountGate.owed(session).orElse(null) == AccountGate.Step.SECOND_FACTOR ? VERIFY : "redirect:/workbench";
    }

    @PostMapping("/login/two-factor")
    String processVerifyForm(@AuthenticationPrincipal Actor actor, @RequestParam String code,
                             HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpSession session = request.getSession();
        if (AccountGate.owed(session).orElse(null) != AccountGate.Step.SECOND_FACTOR) {
            return "redirect:/workbench";
        }
        String address = request.getRemoteAddr();
        var wait = signIns.refusal(actor.username(), address, LoginHistory.Channel.PAGE);
        if (wait.isPresent()) {
            model.addAttribute("error", problems.text("auth.throttled", Math.max(1, wait.get().toSeconds())));
            return VERIFY;
        }
        if (!twoFactor.verify(actor.userId(), code)) {
            signIns.failed(actor.username(), address, LoginHistory.Channel.PAGE, LoginHistory.Result.BAD_SECOND_FACTOR);
            model.addAttribute("error", problems.text("account.twoFactor.wrongCode"));
            return VERIFY;
        }
        handlers.signedIn(actor, request);
        var next = gate.advance(session, actor, true);
        if (next.isPresent()) {
            return "redirect:" + next.get();
        }
        SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
        return "redirect:" + (saved != null ? saved.getRedirectUrl() : "/workbench");
    }

    @GetMapping("/account/two-factor")
    String initEnrolForm(@AuthenticationPrincipal Actor actor, HttpSession session, Model model) {
        if (twoFactor.enrolled(actor.userId())) {
            model.addAttribute("enrolled", true);
            model.addAttribute("required", twoFactor.required(actor));
            return ENROL;
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = twoFactor.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        return enrolForm(actor, session, secret, model);
    }

    @PostMapping("/account/two-factor")
    String processEnrolForm(@AuthenticationPrincipal Actor actor, @RequestParam String code, HttpSession session,
                            Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return "redirect:/account/two-factor";
        }
        var recovery = twoFactor.enrol(actor, secret, code);
        if (recovery.isEmpty()) {
            model.addAttribute("error", problems.text("account.twoFactor.wrongCode"));
            return enrolForm(actor, session, secret, model);
        }
        session.removeAttribute(PENDING_SECRET);
        gate.advance(session, actor, true);
        model.addAttribute("recoveryCodes", recovery);
        model.addAttribute("next", AccountGate.owed(session).map(s -> s.path).orElse("/account"));
        return ENROL;
    }

    @PostMapping("/account/two-factor/remove")
    String remove(@AuthenticationPrincipal Actor actor, @RequestParam String currentPassword,
                  RedirectAttributes redirect) {
        if (twoFactor.required(actor)) {
            redirect.addFlashAttribute("error", problems.text("account.twoFactor.requiredForYou"));
        } else if (!staff.passwordMatches(actor.userId(), currentPassword)) {
            redirect.addFlashAttribute("error", problems.text("staff.wrongPassword"));
        } else {
            twoFactor.remove(actor);
            redirect.addFlashAttribute("success", problems.text("account.twoFactor.removed"));
        }
        return "redirect:/account";
    }

    private String enrolForm(Actor actor, HttpSession session, String secret, Model model) {
        model.addAttribute("enrolled", false);
        model.addAttribute("forced", AccountGate.owed(session).orElse(null) == AccountGate.Step.ENROL);
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("qrCode", twoFactor.qrCode(secret, actor.username(), problems.text("app.name")));
        return ENROL;
    }
}

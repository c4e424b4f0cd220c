package org.fengqiao.access;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After a correct password on the login form: notes where the session comes from, then either sends the user
 * to the step they owe (second factor, password change, enrolment) or, when none, records the sign-in and
 * lets them in (to the page they asked for, or the workbench).
 */
@Component
public class LoginHandlers implements AuthenticationSuccessHandler {

    private final AccountGate gate;
    private final SignIns signIns;
    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginHandlers(AccountGate gate, SignIns signIns) {
        this.gate = gate;
        this.signIns = signIns;
        next.setDefaultTargetUrl("/workbench");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        Actor actor = (Actor) authentication.getPrincipal();
        HttpSession session = request.getSession();
        session.setAttribute(PageSessions.ADDRESS, request.getRemoteAddr());
        String agent = request.getHeader("User-Agent");
        session.setAttribute(PageSessions.AGENT, agent == null ? "" : agent.length() > 200 ? agent.substring(0, 200) : agent);
        var step = gate.next(actor, false);
        if (step.isEmpty() || step.get() != AccountGate.Step.SECOND_FACTOR) {
            signedIn(actor, request);
        }
        var target = gate.advance(session, actor, false);
        if (target.isPresent()) {
            response.sendRedirect(request.getContextPath() + target.get());
        } else {
            next.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** The user is fully signed in: counters cleared, the sign-in recorded. */
    public void signedIn(Actor actor, HttpServletRequest request) {
        signIns.succeeded(actor.username(), actor.userId(), actor.unitId(), request.getRemoteAddr(),
                LoginHistory.Channel.PAGE);
    }
}

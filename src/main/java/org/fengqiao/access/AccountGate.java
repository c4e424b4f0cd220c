package org.fengqiao.access;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.fengqiao.organisation.Staff;

/**
 * The steps between a correct password and work: the second factor (when enrolled), a change of an initial or
 * reset password, enrolment in two-factor login (when required). While a step is owed the page session reaches
 * only that step's page and the sign-out; the step is kept in the session and re-decided after each one.
 */
@Component
public class AccountGate {

    /** A step owed, with the page that takes it. */
    public enum Step {
        SECOND_FACTOR("/login/two-factor"), CHANGE_PASSWORD("/account/password"), ENROL("/account/two-factor");

        public final String path;

        Step(String path) {
            this.path = path;
        }
    }

    static final String ATTRIBUTE = "fq.gate";

    private final Staff staff;
    private final TwoFactor twoFactor;

    AccountGate(Staff staff, TwoFactor twoFactor) {
        this.staff = staff;
        this.twoFactor = twoFactor;
    }

    /** The next step this user owes, given whether the second factor has been given in this session. */
    public Optional<Step> next(Actor actor, boolean secondFactorGiven) {
        boolean enrolled = twoFactor.enrolled(actor.userId());
        if (enrolled && !secondFactorGiven) {
            return Optional.of(Step.SECOND_FACTOR);
        }
        if (staff.accountState(actor.userId()).mustChangePassword() && !twoFactor.exempt(actor.userId())) {
            return Optional.of(Step.CHANGE_PASSWORD);
        }
        if (!enrolled && twoFactor.required(actor)) {
            return Optional.of(Step.ENROL);
        }
        return Optional.empty();
    }

    /** Records the next step in the session; returns where to send the user, or empty when they may work. */
    public Optional<String> advance(HttpSession session, Actor actor, boolean secondFactorGiven) {
        Optional<Step> step = next(actor, secondFactorGiven);
        if (step.isPresent()) {
            session.setAttribute(ATTRIBUTE, step.get().name());
        } else {
            session.removeAttribute(ATTRIBUTE);
        }
        return step.map(s -> s.path);
    }

    /** The step owed in this session, if any. */
    public static Optional<Step> owed(HttpSession session) {
        Object step = session == null ? null : session.getAttribute(ATTRIBUTE);
        return step == null ? Optional.empty() : Optional.of(Step.valueOf(step.toString()));
    }

    /** Keeps a session that owes a step on that step's page. */
    static class Filter extends OncePerRequestFilter {

        private static final List<String> ALWAYS = List.of("/logout", "/login", "/assets/", "/webjars/",
                "/favicon.ico", "/error");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<Step> step = owed(request.getSession(false));
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (step.isEmpty() || path.startsWith(step.get().path)
                    || (ALWAYS.stream().anyMatch(path::startsWith) && !path.startsWith("/login/two-factor"))) {
                chain.doFilter(request, response);
                return;
            }
            String target = request.getContextPath() + step.get().path;
            String from = request.getHeader("HX-Current-URL");
            if ("true".equals(request.getHeader("HX-Request")) && from != null && from.contains(step.get().path)) {
                // a panel of the step's own page (the top bar's bell): nothing to show, and a redirect would reload
                // the page, whose panels ask again, for ever
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else if ("true".equals(request.getHeader("HX-Request"))) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("HX-Redirect", target);
            } else if (path.startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            } else {
                response.sendRedirect(target);
            }
        }
    }
}

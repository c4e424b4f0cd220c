package org.fengqiao.access;

import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.fengqiao.audit.AuditLog;
import org.fengqiao.organisation.StaffAccountChanged;

/**
 * What an account change ends, decided in one place: a new password (changed or reset) or a switched-off
 * account revokes the user's API tokens and ends their page sessions (a user changing their own password keeps
 * the session they did it in); changed roles end the page sessions and refresh tokens, so nobody keeps a role
 * that was taken away. Each change is written to the audit log with the administrator who made it.
 */
@Component
class AccountChanges {

    private final ApiTokens tokens;
    private final PageSessions sessions;
    private final AuditLog audit;

    AccountChanges(ApiTokens tokens, PageSessions sessions, AuditLog audit) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
    }

    @EventListener
    void on(StaffAccountChanged event) {
        Actor actor = currentActor();
        boolean self = actor != null && actor.userId() == event.userId();
        HttpSession current = self ? currentSession() : null;
        switch (event.change()) {
            case PASSWORD_CHANGED -> {
                tokens.revokeAll(event.userId());
                sessions.endAll(event.username(), current == null ? null : current.getId());
            }
            case PASSWORD_RESET, DEACTIVATED -> {
                tokens.revokeAll(event.userId());
                endAllAndThisOne(event.username(), current);
            }
            case ROLES_CHANGED -> {
                tokens.forget(event.userId());
                endAllAndThisOne(event.username(), current);
            }
            case ACTIVATED -> {
            }
        }
        AuditLog.Action action = switch (event.change()) {
            case PASSWORD_CHANGED -> AuditLog.Action.PASSWORD_CHANGED;
            case PASSWORD_RESET -> AuditLog.Action.PASSWORD_RESET;
            case ROLES_CHANGED -> AuditLog.Action.ROLES_CHANGED;
            case DEACTIVATED -> AuditLog.Action.USER_DEACTIVATED;
            case ACTIVATED -> AuditLog.Action.USER_ACTIVATED;
        };
        audit.recordAccount(actor == null ? null : actor.userId(), actor == null ? null : actor.unitId(), action,
                "user:" + event.userId(), Map.of("username", event.username()));
    }

    static Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor a ? a : null;
    }

    /**
     * The session of the request making the change is ended through the request (so that the end of the request
     * does not write it back), the others through the session store.
     */
    private void endAllAndThisOne(String username, HttpSession current) {
        sessions.endAll(username, current == null ? null : current.getId());
        if (current != null) {
            try {
                current.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // nothing left to end
            }
        }
    }

    private static HttpSession currentSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getSession(false);
        }
        return null;
    }
}

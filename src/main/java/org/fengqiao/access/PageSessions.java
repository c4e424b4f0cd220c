package org.fengqiao.access;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A user's page sessions, kept in the database by Spring Session and indexed by user name: listed on the
 * account page, ended all at once ("sign out everywhere") or when a password, the roles or the account change.
 */
@Service
public class PageSessions {

    /** Session attributes written at sign-in: where from and with what. */
    static final String ADDRESS = "fq.address";
    static final String AGENT = "fq.agent";

    /** One session, as its user sees it. */
    public record Info(String id, Instant createdAt, Instant lastAccessedAt, String address, String agent) {
        /** Signed in, in China time (for pages). */
        public java.time.LocalDateTime created() {
            return java.time.LocalDateTime.ofInstant(createdAt, org.fengqiao.platform.ChinaTime.ZONE);
        }

        /** Last used, in China time. */
        public java.time.LocalDateTime lastUsed() {
            return java.time.LocalDateTime.ofInstant(lastAccessedAt, org.fengqiao.platform.ChinaTime.ZONE);
        }
    }

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> store;

    /** The session store exists only in a web application; command-line runs have no page sessions to end. */
    PageSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> store) {
        this.store = store;
    }

    /** The user's live sessions, most recently used first. */
    public List<Info> of(String username) {
        var sessions = store.getIfAvailable();
        if (sessions == null) {
            return List.of();
        }
        return sessions.findByPrincipalName(username).values().stream()
                .filter(s -> !s.isExpired())
                .map(s -> new Info(s.getId(), s.getCreationTime(), s.getLastAccessedTime(),
                        s.getAttributeOrDefault(ADDRESS, ""), s.getAttributeOrDefault(AGENT, "")))
                .sorted(Comparator.comparing(Info::lastAccessedAt).reversed())
                .toList();
    }

    /** Ends the user's sessions but the one named (the caller's own, or {@code null} for all). */
    public int endAll(String username, String except) {
        var sessions = store.getIfAvailable();
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (String id : List.copyOf(sessions.findByPrincipalName(username).keySet())) {
            if (!id.equals(except)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}

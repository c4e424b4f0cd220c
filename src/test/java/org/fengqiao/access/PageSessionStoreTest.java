package org.fengqiao.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import org.fengqiao.support.IntegrationTest;

/** Page sessions in the database bear two requests of one session writing the same new attribute at once. */
@IntegrationTest
class PageSessionStoreTest {

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> store;

    @Test
    @SuppressWarnings("unchecked")
    void twoRequestsOfOneSessionThatAddTheSameAttributeBothSucceedAndTheLastOneWins() {
        var sessions = (FindByIndexNameSessionRepository<Session>) store;
        Session created = sessions.createSession();
        sessions.save(created);
        // two requests load the session before either has written; both add the form token
        Session first = sessions.findById(created.getId());
        Session second = sessions.findById(created.getId());
        first.setAttribute("fq.test.token", "from the first");
        second.setAttribute("fq.test.token", "from the second");
        sessions.save(first);
        assertThatCode(() -> sessions.save(second)).doesNotThrowAnyException();
        assertThat(sessions.findById(created.getId()).<String>getAttribute("fq.test.token")).isEqualTo("from the second");
        sessions.deleteById(created.getId());
    }
}

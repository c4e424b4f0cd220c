package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/** Answers cached "until any case changes" are reused while nothing changes and computed afresh after a change. */
@IntegrationTest
class UntilCasesChangeTest {

    @LocalServerPort
    int port;

    @Autowired
    CaseQueries queries;

    @Test
    void anAnswerIsKeptUntilAnyCaseChangesAndIsPerKey() {
        UntilCasesChange<String, Integer> cache = UntilCasesChange.of(queries, 100, Duration.ofHours(1));
        AtomicInteger computed = new AtomicInteger();

        int first = cache.get("a", k -> computed.incrementAndGet());
        assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(first);
        assertThat(cache.get("b", k -> computed.incrementAndGet())).as("another key is its own answer").isNotEqualTo(first);
        assertThat(computed).hasValue(2);

        Api.Response r = new Api(port).post("fq.intake", "/api/cases", aCase().kind("HELP").titled("缓存测试").body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);

        assertThat(cache.get("a", k -> computed.incrementAndGet())).as("a new case makes the answer stale").isEqualTo(3);
        assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(3);
    }
}

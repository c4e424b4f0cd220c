package org.fengqiao.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.organisation.Units;
import org.fengqiao.support.Api;
import org.fengqiao.support.TestClock;

/**
 * What the review tests share: the running platform's API with no tokens kept between tests, the test clock set
 * back after each, the units and the database, and cases registered through the API.
 */
abstract class ReviewFixture {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Api.forgetTokens();
    }

    @AfterEach
    void tidy() {
        clock.reset();
        Api.forgetTokens();
    }

    /** Registers a case as the given user through the API; its id. */
    long register(String user, Map<String, Object> body) {
        Api.Response r = api.post(user, "/api/cases", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.get("id").asLong();
    }
}

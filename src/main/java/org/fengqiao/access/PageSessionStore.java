package org.fengqiao.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * How page sessions are written to the database: a session attribute is written with PostgreSQL's upsert (Spring
 * Session's own statements for it). Two requests of one session that add the same attribute at once (a page and the
 * panels it loads, or a request retried while the first still runs — both store the form token) otherwise both
 * insert it, and the second fails with a duplicate key: a 500 for the user, found by the page benchmark at a million
 * cases when slow pages overlapped.
 */
@Configuration(proxyBeanMethods = false)
class PageSessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}

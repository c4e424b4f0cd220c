package org.fengqiao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import org.fengqiao.FengqiaoApplication;

/**
 * A test against the whole platform on a real (embedded, throw-away) PostgreSQL with the demo county loaded,
 * served on a random port. All such tests share one application context and database; each test creates the
 * cases it needs and asserts only on those.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = FengqiaoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "fengqiao.ephemeral=true",
                "fengqiao.clock.external=true",
                "fengqiao.durable=false",
                "fengqiao.scheduler.enabled=false",
                "fengqiao.demo.enabled=true",
                // tests check figures right after the changes they make (UntilChangedTest covers the lag)
                "fengqiao.analytics.max-lag=0s",
                "logging.level.org.fengqiao=WARN"
        })
@Import({TestClock.Configuration.class, Pages.class})
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
public @interface IntegrationTest {
}

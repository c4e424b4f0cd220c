package org.fengqiao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.cases.CaseLists;
import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.TestClock;

/** Answers cached "until any case changes" are reused while nothing changes and computed afresh after a change. */
@IntegrationTest
class UntilChangedTest {

    @LocalServerPort
    int port;

    @Autowired
    CaseLists queries;

    @Test
    void anAnswerIsKeptUntilAnyCaseChangesAndIsPerKey() {
        UntilChanged<String, Integer> cache = UntilChanged.of(queries::changeMark, 100, Duration.ofHours(1));
        AtomicInteger computed = new AtomicInteger();

        int first = cache.get("a", k -> computed.incrementAndGet());
        assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(first);
        assertThat(cache.get("b", k -> computed.incrementAndGet())).as("another key is its own answer").isNotEqualTo(first);
        assertThat(computed).hasValue(2);

        registerACase("缓存测试");

        assertThat(cache.get("a", k -> computed.incrementAndGet())).as("a new case makes the answer stale").isEqualTo(3);
        assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(3);
    }

    @Test
    void aLaggingAnswerIsServedUntilItIsTooOldWhileTheNewOneIsComputedInTheBackground() throws Exception {
        TestClock clock = TestClock.startingAt(TestClock.START);
        UntilChanged<String, Integer> cache = laggingByHalfAMinute(clock);
        AtomicInteger computed = new AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.function.Function<String, Integer> slowAfterTheFirst = k -> {
            int n = computed.incrementAndGet();
            if (n == 2) {
                try {
                    // bounded: the background thread is shared by every cache of the JVM
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return n;
        };
        try {
            assertThat(cache.get("a", slowAfterTheFirst)).isEqualTo(1);
            registerACase("滞后缓存测试");
            clock.advance(Duration.ofSeconds(10));
            assertThat(cache.get("a", slowAfterTheFirst)).as("10 s old: still served, not yet renewed").isEqualTo(1);
            assertThat(computed).hasValue(1);
            clock.advance(Duration.ofSeconds(5));
            assertThat(cache.get("a", slowAfterTheFirst)).as("15 s old: still served, renewed in the background")
                    .isEqualTo(1);
            assertThat(cache.get("a", slowAfterTheFirst)).as("computed once in the background, not per view")
                    .isEqualTo(1);
            release.countDown();
            assertThat(eventually(() -> cache.get("a", slowAfterTheFirst), 2)).as("the renewed answer replaces it")
                    .isEqualTo(2);
            assertThat(computed).hasValue(2);

            registerACase("滞后缓存测试二");
            clock.advance(Duration.ofSeconds(31)); // the renewed answer was computed at 15 s
            assertThat(cache.get("a", slowAfterTheFirst))
                    .as("too old after a change: computed while the viewer waits").isEqualTo(3);
        } finally {
            release.countDown();
        }
    }

    @Test
    void anAnswerOutlivingItsLifetimeOnTheCachesClockIsComputedAgainThoughNoCaseChanged() {
        TestClock clock = TestClock.startingAt(TestClock.START);
        UntilChanged<String, Integer> cache = UntilChanged.atMostBehind(queries::changeMark, 100, Duration.ofMinutes(1),
                Duration.ofSeconds(30), clock);
        AtomicInteger computed = new AtomicInteger();

        assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(1);
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.get("a", k -> computed.incrementAndGet())).as("within its minute").isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.get("a", k -> computed.incrementAndGet())).as("a minute old on the cache's clock")
                .isEqualTo(2);
        clock.advance(Duration.ofSeconds(-5));
        assertThat(cache.get("a", k -> computed.incrementAndGet())).as("the clock stepped back before it")
                .isEqualTo(3);
    }

    @Test
    void aBackgroundRenewalSpeaksTheViewersLanguageAfterTheViewersRequestHasEnded() throws Exception {
        TestClock clock = TestClock.startingAt(TestClock.START);
        UntilChanged<String, String> cache = laggingByHalfAMinute(clock);
        AtomicInteger computed = new AtomicInteger();
        java.util.function.Function<String, String> inTheViewersLanguage = k -> computed.incrementAndGet() + " "
                + org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        // like a request's locale context: it asks the request, which is recycled once the answer is sent
        java.util.concurrent.atomic.AtomicBoolean requestEnded = new java.util.concurrent.atomic.AtomicBoolean();
        org.springframework.context.i18n.LocaleContextHolder.setLocaleContext(() -> {
            if (requestEnded.get()) {
                throw new IllegalStateException("the request object has been recycled");
            }
            return java.util.Locale.ENGLISH;
        });
        try {
            assertThat(cache.get("a", inTheViewersLanguage)).isEqualTo("1 en");
            registerACase("语言缓存测试");
            clock.advance(Duration.ofSeconds(20));
            assertThat(cache.get("a", inTheViewersLanguage)).isEqualTo("1 en");
            requestEnded.set(true);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(eventually(() -> cache.get("a", inTheViewersLanguage), "2 en"))
                .as("renewed in the background, in English").isEqualTo("2 en");
    }

    @Test
    void anAnswerHeldElsewhereIsTakenOnAMissAndRenewedInTheBackgroundWhenOlderThanHalfTheLag() throws Exception {
        TestClock clock = TestClock.startingAt(TestClock.START);
        AtomicInteger computed = new AtomicInteger(100);
        long mark = queries.changeMark();
        UntilChanged<String, Integer> cache = laggingByHalfAMinute(clock);
        assertThat(cache.get("a", k -> computed.incrementAndGet(), k -> new UntilChanged.Held<>(7, mark,
                clock.instant()))).as("held under the current mark: taken as it is").isEqualTo(7);
        assertThat(cache.get("a", k -> computed.incrementAndGet(), k -> null)).isEqualTo(7);
        assertThat(computed).hasValue(100);

        registerACase("别处缓存测试");
        UntilChanged<String, Integer> another = laggingByHalfAMinute(clock);
        java.util.function.Function<String, UntilChanged.Held<Integer>> anHourOld = k -> new UntilChanged.Held<>(8,
                mark, clock.instant().minus(Duration.ofHours(1)));
        assertThat(another.get("a", k -> computed.incrementAndGet(), anHourOld))
                .as("an hour old and cases changed since: served to the first viewer").isEqualTo(8);
        assertThat(eventually(() -> another.get("a", k -> computed.incrementAndGet(), anHourOld), 101))
                .as("and renewed in the background at once").isEqualTo(101);

        UntilChanged<String, Integer> exact = UntilChanged.of(queries::changeMark, 100, Duration.ofHours(1));
        assertThat(exact.get("a", k -> 5, k -> new UntilChanged.Held<>(9, mark, clock.instant())))
                .as("a cache that may not lag takes only what is as new as the cases").isEqualTo(5);
    }

    private <V> UntilChanged<String, V> laggingByHalfAMinute(TestClock clock) {
        return UntilChanged.atMostBehind(queries::changeMark, 100, Duration.ofHours(1), Duration.ofSeconds(30), clock);
    }

    /** Changes the cases (a change mark later). */
    private void registerACase(String title) {
        Api.Response r = new Api(port).post("fq.intake", "/api/cases", aCase().kind("HELP").titled(title).body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    /** The answer once it is the expected one, or the last one after 10 s. */
    private static <V> V eventually(java.util.function.Supplier<V> answer, V expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        V last = answer.get();
        while (!expected.equals(last) && System.nanoTime() < until) {
            Thread.sleep(10);
            last = answer.get();
        }
        return last;
    }
}

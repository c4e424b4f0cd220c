package org.fengqiao.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.access.Actor;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;
import org.fengqiao.support.TestClock;

/**
 * Background jobs belong to the user who started it, a user runs only a few at a time, a finished job goes away
 * with its file when its lifetime is over, and a job is kept in the database, so any instance can answer for it.
 */
@IntegrationTest
class LedgerJobsTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    LedgerJobs jobs;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Actor alice;
    Actor bob;
    CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        clock.reset();
        Pages pages = new Pages(context);
        alice = pages.actor("fq.police");
        bob = pages.actor("leshan.grid");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown();
        for (int i = 0; i < 200 && running(alice) + running(bob) > 0; i++) {
            Thread.sleep(25);
        }
        clock.reset();
    }

    @Test
    void aUserRunsOnlyAFewJobsAtATimeWhileOthersStillMayStartTheirs() {
        for (int i = 0; i < 3; i++) {
            jobs.submit(alice, LedgerJob.Kind.EXPORT, job -> release.await(10, TimeUnit.SECONDS));
        }

        ProblemException.Conflict refused = catchThrowableOfType(ProblemException.Conflict.class,
                () -> jobs.submit(alice, LedgerJob.Kind.IMPORT, job -> { }));

        assertThat(refused.messageKey()).isEqualTo("ledger.job.tooMany");
        assertThat(jobs.submit(bob, LedgerJob.Kind.EXPORT, job -> { })).isNotNull();
    }

    @Test
    void onlyTheUserWhoStartedAJobFindsIt() {
        LedgerJob job = jobs.submit(alice, LedgerJob.Kind.EXPORT, j -> { });
        assertThat(jobs.find(alice.userId(), job.id())).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(job.id()));
        assertThat(jobs.find(bob.userId(), job.id())).isEmpty();
        assertThat(jobs.find(alice.userId(), "no-such-job")).isEmpty();
    }

    @Test
    void theProgressAndTheFileAreKeptInTheDatabaseAndTheTemporaryFileGoes() throws Exception {
        Path file = LedgerJobs.newFile(".xlsx");
        Files.write(file, new byte[] {1, 2, 3});
        CountDownLatch halfWay = new CountDownLatch(1);
        LedgerJob job = jobs.submit(alice, LedgerJob.Kind.EXPORT, j -> {
            j.phase("ledger.job.exporting", 4);
            j.advance();
            j.advance();
            halfWay.countDown();
            release.await(10, TimeUnit.SECONDS);
            j.finished(file, "台账.xlsx", 4);
        });
        halfWay.await(10, TimeUnit.SECONDS);
        long until = System.nanoTime() + 5_000_000_000L;
        while (jobs.find(alice.userId(), job.id()).orElseThrow().completed() < 2 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        LedgerJob.Snapshot underWay = jobs.find(alice.userId(), job.id()).orElseThrow();
        assertThat(underWay.isRunning()).isTrue();
        assertThat(underWay.percent()).isEqualTo(50);

        release.countDown();
        await(job);
        assertThat(jobs.download(alice.userId(), job.id()))
                .hasValueSatisfying(d -> assertThat(d.content()).containsExactly(1, 2, 3));
        assertThat(jobs.download(bob.userId(), job.id())).isEmpty();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aFinishedJobExpiresWithItsFileAfterItsLifetime() throws Exception {
        Path file = LedgerJobs.newFile(".xlsx");
        LedgerJob job = jobs.submit(alice, LedgerJob.Kind.EXPORT, j -> j.finished(file, "ledger.xlsx", 0));
        await(job);
        clock.advance(Duration.ofMinutes(29));
        assertThat(jobs.find(alice.userId(), job.id())).isPresent();

        clock.advance(Duration.ofMinutes(2));
        assertThat(jobs.find(alice.userId(), job.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from ledger_job where id = ?::uuid").param(job.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aJobWhoseInstanceStoppedWritingIsShownAsFailed() {
        String id = java.util.UUID.randomUUID().toString();
        // a job another instance started and stopped writing about a while ago: that instance died
        jdbc.sql("insert into ledger_job (id, kind, owner_id, created_at, updated_at, state, phase)"
                        + " values (?::uuid, 'EXPORT', ?, now(), now() - interval '2 minutes', 'RUNNING', 'ledger.job.exporting')")
                .params(id, alice.userId()).update();
        assertThat(jobs.find(alice.userId(), id))
                .hasValueSatisfying(s -> assertThat(s.failureKey()).isEqualTo("ledger.job.failed"));
    }

    @Test
    void aJobThatFailsSaysWhyWithoutLeakingTheError() throws Exception {
        LedgerJob refused = jobs.submit(alice, LedgerJob.Kind.IMPORT, j -> {
            throw new ProblemException.InvalidInput("file", "ledger.import.noRows");
        });
        LedgerJob broken = jobs.submit(alice, LedgerJob.Kind.IMPORT, j -> {
            throw new IllegalStateException("database unavailable");
        });
        await(refused);
        await(broken);
        assertThat(jobs.find(alice.userId(), refused.id()).orElseThrow().failureKey()).isEqualTo("ledger.import.noRows");
        LedgerJob.Snapshot failed = jobs.find(alice.userId(), broken.id()).orElseThrow();
        assertThat(failed.failureKey()).isEqualTo("ledger.job.failed");
        assertThat(failed.failureArgs()).isEmpty();
    }

    private long running(Actor actor) {
        return jdbc.sql("select count(*) from ledger_job where owner_id = ? and state in ('QUEUED', 'RUNNING')"
                + " and updated_at > now() - interval '1 minute'").param(actor.userId()).query(Long.class).single();
    }

    private void await(LedgerJob job) throws InterruptedException {
        for (int i = 0; i < 200 && jobs.find(job.ownerId(), job.id()).map(LedgerJob.Snapshot::isRunning).orElse(false);
             i++) {
            Thread.sleep(25);
        }
        assertThat(jobs.find(job.ownerId(), job.id()).map(LedgerJob.Snapshot::isRunning)).as("job still running")
                .hasValue(false);
    }
}

package org.fengqiao.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.fengqiao.access.Actor;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.support.TestClock;

/**
 * Background jobs belong to the user who started it, a user runs only a few at a time, and a finished job
 * goes away with its file when its lifetime is over.
 */
class LedgerJobsTest {

    static final Unit CENTRE = new Unit(1, "fq-centre", "枫桥镇社会治理中心", UnitKind.CENTRE,
            DivisionCode.of("330681109000"), true);

    TestClock clock = TestClock.startingAt(TestClock.START);
    LedgerJobs jobs = new LedgerJobs(new LedgerProperties(null, null, null, 2, Duration.ofMinutes(30), 2), clock);
    Actor alice = new Actor(1, "alice", "甲", CENTRE, Set.of(Role.INTAKE), null);
    Actor bob = new Actor(2, "bob", "乙", CENTRE, Set.of(Role.INTAKE), null);
    CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        jobs.destroy();
    }

    @Test
    void aUserRunsOnlyAFewJobsAtATimeWhileOthersStillMayStartTheirs() {
        jobs.submit(alice, LedgerJob.Kind.EXPORT, job -> release.await(10, TimeUnit.SECONDS));
        jobs.submit(alice, LedgerJob.Kind.EXPORT, job -> release.await(10, TimeUnit.SECONDS));

        ProblemException.Conflict refused = catchThrowableOfType(ProblemException.Conflict.class,
                () -> jobs.submit(alice, LedgerJob.Kind.IMPORT, job -> { }));

        assertThat(refused.messageKey()).isEqualTo("ledger.job.tooMany");
        assertThat(jobs.submit(bob, LedgerJob.Kind.EXPORT, job -> { })).isNotNull();
    }

    @Test
    void onlyTheUserWhoStartedAJobFindsIt() {
        LedgerJob job = jobs.submit(alice, LedgerJob.Kind.EXPORT, j -> { });
        assertThat(jobs.find(alice.userId(), job.id())).containsSame(job);
        assertThat(jobs.find(bob.userId(), job.id())).isEmpty();
        assertThat(jobs.find(alice.userId(), "no-such-job")).isEmpty();
    }

    @Test
    void aFinishedJobExpiresWithItsFileAfterItsLifetime() throws Exception {
        Path file = LedgerJobs.newFile(".xlsx");
        LedgerJob job = jobs.submit(alice, LedgerJob.Kind.EXPORT, j -> j.finished(file, "ledger.xlsx", 0));
        await(job);
        clock.advance(Duration.ofMinutes(29));
        assertThat(jobs.find(alice.userId(), job.id())).isPresent();
        assertThat(file).exists();

        clock.advance(Duration.ofMinutes(2));
        assertThat(jobs.find(alice.userId(), job.id())).isEmpty();
        assertThat(Files.exists(file)).isFalse();
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
        assertThat(refused.failureKey()).isEqualTo("ledger.import.noRows");
        assertThat(broken.failureKey()).isEqualTo("ledger.job.failed");
        assertThat(broken.failureArgs()).isEmpty();
    }

    private static void await(LedgerJob job) throws InterruptedException {
        for (int i = 0; i < 200 && job.isRunning(); i++) {
            Thread.sleep(25);
        }
        assertThat(job.isRunning()).as("job still running").isFalse();
    }
}

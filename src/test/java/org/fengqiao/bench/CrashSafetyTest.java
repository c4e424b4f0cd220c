package org.fengqiao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash benchmark in small: the platform in a child JVM on a kept data directory, SIGKILLed twice with its
 * PostgreSQL under load, must come back with every case and event it acknowledged and catch up on the deadlines
 * that passed, and its tamper-evident records must verify. (The benchmark, {@code ./fengqiao bench --only=crash}, does the same with at least 20 kills.)
 */
class CrashSafetyTest {

    private static final String CLASS_PATH = "fengqiao.bench.class-path";

    @TempDir
    Path dataDir;

    @BeforeAll
    static void childRunsOnTheMainClassPath() {
        // surefire starts tests from a manifest-only jar; the child gets the real class path without the tests'
        // own classes (their configurations would be scanned into the platform)
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        System.setProperty(CLASS_PATH, Arrays.stream(full.split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator)));
    }

    @AfterAll
    static void forgetClassPath() {
        System.clearProperty(CLASS_PATH);
    }

    @Test
    void everyAcknowledgedCaseAndEventSurvivesSigkillOfPlatformAndDatabaseAndMissedDeadlinesAreCaughtUp() {
        CrashBenchmark.Outcome o = new CrashBenchmark(2, 120, 3, dataDir, List.of()).crash();

        assertThat(o.kills()).isEqualTo(2);
        assertThat(o.casesAcknowledged()).isGreaterThanOrEqualTo(240);
        assertThat(o.transitionsAcknowledged()).isPositive();
        assertThat(o.deadlinesBackdated()).isPositive();
        assertThat(o.worst()).isEqualTo(new CrashCheck.Findings(0, 0, 0, 0));
        assertThat(o.restartMillis()).hasSize(2);
        assertThat(o.catchUpMillis()).hasSize(2);
        assertThat(o.records()).isEqualTo(RecordsVerification.Result.VERIFIED);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }
}

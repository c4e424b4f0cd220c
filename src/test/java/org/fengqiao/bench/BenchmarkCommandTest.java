package org.fengqiao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A mistyped benchmark option stops the command with a message before anything is started or measured. */
class BenchmarkCommandTest {

    @Test
    void aNumberOptionThatIsNotAPositiveWholeNumberIsRefusedWithItsName() {
        assertThat(refusal("--cases=abc")).contains("--cases").contains("abc");
        assertThat(refusal("--threads=0")).contains("--threads").contains("at least 1");
        assertThat(refusal("--page-writes-per-minute=-1")).contains("--page-writes-per-minute");
        assertThat(refusal("--citizens=0")).contains("--citizens").contains("at least 1");
        assertThat(refusal("--public-reports-per-minute=x")).contains("--public-reports-per-minute");
    }

    @Test
    void anOptionWrittenWithoutItsValueIsRefused() {
        assertThat(refusal("--users")).contains("--users=VALUE");
        assertThat(refusal("--only=")).contains("--only=VALUE");
    }

    @Test
    void aMistypedOptionOrBenchmarkNameIsRefusedBeforeThePlatformStarts() {
        assertThat(refusal("--thread=4")).contains("unknown option --thread").contains("--threads");
        assertThat(refusal("--only=intake,closed-lop")).contains("no benchmark named closed-lop")
                .contains("closed-loop");
    }

    /** Runs the command, which must exit with 2, and returns what it wrote to standard error. */
    private static String refusal(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(BenchmarkCommand.run(args)).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}

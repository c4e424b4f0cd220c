package org.fengqiao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotTopicsCommandTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheRankedTopicsOfTheWeekEndingOnTheLatestMessage() throws IOException {
        Path file = messages();

        int exit = run("--data", file.toString(), "--top", "1");

        assertThat(exit).isZero();
        assertThat(text(out)).contains("week agenda: 2019-11-04 to 2019-11-10")
                .contains(" 1. ").contains("环城南路").contains("路灯").contains("[A3区]")
                .contains("3 requests (0 in the period before, +3)")
                .contains("score ").contains("= size ")
                .doesNotContain(" 2. ");
    }

    @Test
    void anEarlierUntilDateLeavesLaterMessagesOut() throws IOException {
        int exit = run("--data", messages().toString(), "--period", "day", "--until", "2019-11-01");

        assertThat(exit).isZero();
        assertThat(text(out)).contains("day agenda: 2019-11-01 to 2019-11-01").contains("0 topics");
    }

    @Test
    void explainsWhatIsWrongWithTheArguments() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(text(err)).contains("usage: ./fengqiao hot-topics --data FILE");

        assertThat(run("--data", messages().toString(), "--period", "year")).isEqualTo(2);
        assertThat(text(err)).contains("use day, week or month");

        assertThat(run("--data", dir.resolve("missing.tsv").toString())).isEqualTo(2);
        assertThat(text(err)).contains("no such file");

        assertThat(run("--data", messages().toString(), "--until", "11/10")).isEqualTo(2);
        assertThat(text(err)).contains("--until must be a date");
    }

    private Path messages() throws IOException {
        return Files.writeString(dir.resolve("messages.tsv"), """
                id\tuser\ttitle\ttime\tdetail\tagainst\tlikes
                1\tU1\tA3区环城南路路灯不亮\t2019/11/8 20:00:00\t环城南路的路灯坏了一个多月，晚上一片漆黑\t0\t3
                2\tU2\t环城南路路灯坏了没人修\t2019/11/9 21:00:00\tA3区环城南路路灯全部不亮，已经有老人摔倒\t0\t1
                3\tU3\tA3区环城南路晚上路灯不亮很危险\t2019/11/10 19:00:00\t环城南路路灯坏了，电动车晚上看不清路\t0\t0
                4\tU4\tA5区学校门口交通拥堵\t2019/11/7 08:00:00\t放学时段学校门口车辆乱停\t0\t0
                5\tU5\tA1区工资拖欠三个月\t2019/11/6 09:00:00\t老板一直拖欠工资不发\t0\t0
                """);
    }

    private int run(String... args) throws IOException {
        out.reset();
        err.reset();
        return HotTopicsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }
}

package org.fengqiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateCommandTest {

    static final String DATA = """
            id\tuser\ttitle\ttime\tdetail
            1\tu1\t枫桥镇新桥村养猪场臭味扰民\t2024/4/1 10:00:00\t新桥村东头的养猪场每天散发臭味，附近村民无法开窗，希望有关部门尽快处理。
            2\tu2\t新桥村养猪场臭气熏天\t2024/4/3 09:30:00\t枫桥镇新桥村东头养猪场臭味严重，村民无法开窗，请尽快处理。
            3\tu3\t邻居占用宅基地纠纷\t2024/4/2 15:00:00\t邻居建房时占用了我家宅基地约两米，多次协商没有结果，请村里调解。
            """;
    static final String PAIRS = """
            id_a\tid_b\tsource\tverdict
            1\t2\tsame-topic\tduplicate
            1\t3\trandom\tdifferent
            """;

    @Test
    void printsPrecisionRecallTheConfusionCountsAndTheGroups(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("messages.tsv"), DATA);
        Path pairs = Files.writeString(dir.resolve("pairs.tsv"), PAIRS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = DuplicateCommand.run(new String[] {"--data", data.toString(), "--pairs", pairs.toString(),
                "--threshold", "0.35", "--groups=3"}, utf8(out), utf8(err));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("threshold 0.350: precision 1.000  recall 1.000  F1 1.000"), printed);
        assertTrue(printed.contains("reported                       1                 0"), printed);
        assertTrue(printed.contains("1 duplicate groups holding 2 messages"), printed);
        assertTrue(printed.contains("新桥村养猪场臭气熏天"), printed);
    }

    @Test
    void refusesMissingDataAndUnknownOptionsWithTheUsage(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertEquals(2, DuplicateCommand.run(new String[] {}, utf8(new ByteArrayOutputStream()), utf8(err)));
        assertEquals(2, DuplicateCommand.run(new String[] {"--data", dir.resolve("none.tsv").toString()},
                utf8(new ByteArrayOutputStream()), utf8(err)));
        assertEquals(2, DuplicateCommand.run(new String[] {"--data", "x", "--frobnicate"},
                utf8(new ByteArrayOutputStream()), utf8(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ./fengqiao duplicates"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
    }

    private static PrintStream utf8(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}

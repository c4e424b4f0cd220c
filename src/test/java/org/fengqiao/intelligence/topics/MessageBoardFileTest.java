package org.fengqiao.intelligence.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageBoardFileTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void readsTheMessagesWithTheirDistrictTimeAndVotes() throws IOException {
        Path file = write("""
                id\tuser\ttitle\ttime\tdetail\tagainst\tlikes
                1\tU1\tA3区丽发新城搅拌站噪音\t2019/11/8 10:05:00\tA市A3区暮云街道丽发新城附近搅拌站噪音\t0\t7
                2\tU2\t公交车不开空调\t2019-11-09 08:00\tA7县X205路公交车不开空调\t2\t
                3\tU3\t城铁时刻表\t43782.5\tB市的城铁\t0\t1
                """);

        MessageBoardFile.Result r = MessageBoardFile.read(file, CHINA);

        assertThat(r.problems()).isEmpty();
        assertThat(r.items()).extracting(TopicItem::id).containsExactly("1", "2", "3");
        TopicItem first = r.items().getFirst();
        assertThat(first.area()).isEqualTo("A3区");
        assertThat(first.title()).doesNotContain("A3区").contains("丽发新城");
        assertThat(first.text()).doesNotContain("A市").doesNotContain("A3区");
        assertThat(first.votes()).isEqualTo(7);
        assertThat(first.time()).isEqualTo(LocalDateTime.of(2019, 11, 8, 10, 5).atZone(CHINA).toInstant());
        assertThat(r.items().get(1).area()).as("district found in the body").isEqualTo("A7县");
        assertThat(r.items().get(1).votes()).isZero();
        assertThat(r.items().get(2).area()).as("a place outside the city is no district").isNull();
        assertThat(r.items().get(2).time()).as("Excel serial day 43782.5")
                .isEqualTo(LocalDateTime.of(2019, 11, 13, 12, 0).atZone(CHINA).toInstant());
    }

    @Test
    void skipsAndReportsRowsItCannotRead() throws IOException {
        Path file = write("""
                id\ttitle\ttime\tdetail
                1\t路灯不亮\tyesterday\t路灯坏了
                2\t路灯不亮
                \t路灯不亮\t2019/1/8\t路灯坏了
                4\t路灯不亮\t2019/1/8\t路灯坏了
                """);

        MessageBoardFile.Result r = MessageBoardFile.read(file, CHINA);

        assertThat(r.items()).extracting(TopicItem::id).containsExactly("4");
        assertThat(r.problems()).extracting(MessageBoardFile.Problem::line).containsExactly(2L, 3L, 4L);
        assertThat(r.problems().getFirst().reason()).contains("yesterday");
    }

    @Test
    void refusesAFileWithoutTheNeededColumns() throws IOException {
        Path file = write("label\ttext\n城乡建设\t路灯 不亮\n");

        assertThatThrownBy(() -> MessageBoardFile.read(file, CHINA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id, title, time and detail");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("messages.tsv"), content);
    }
}

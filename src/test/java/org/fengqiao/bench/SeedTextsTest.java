package org.fengqiao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.fengqiao.support.SharedData;

/** The page benchmark seeds cases with the real messages of the shared data, or with templates without it. */
class SeedTextsTest {

    @Test
    void theMessagesOfBothMessageBoardFilesBecomeTitlesAndDescriptionsWithinTheFormsLimits() {
        Path dir = SharedData.file("messages-unlabeled.tsv").getParent();
        SeedTexts texts = SeedTexts.from(dir);

        assertThat(texts.texts()).as(texts.source()).hasSizeGreaterThan(7_000);
        assertThat(texts.texts()).allSatisfy(t -> {
            assertThat(t[0]).isNotBlank().hasSizeLessThanOrEqualTo(SeedTexts.MAX_TITLE);
            assertThat(t[1]).isNotBlank().hasSizeLessThanOrEqualTo(SeedTexts.MAX_DESCRIPTION);
        });
        assertThat(texts.of(3, true)).isEqualTo(texts.of(3 + texts.texts().size(), false));
    }

    @Test
    void withoutTheSharedDataTheCasesSayATemplateWithTheirNumber(@TempDir Path empty) {
        SeedTexts texts = SeedTexts.from(empty);

        assertThat(texts.texts()).isEmpty();
        assertThat(texts.source()).startsWith("two templates");
        assertThat(texts.of(42, true)[0]).contains("42").contains("纠纷");
    }
}

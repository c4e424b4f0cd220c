package org.fengqiao.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.fengqiao.platform.ProblemException;

/** Which font the case file embeds, and the clear refusal when there is none it can embed. */
class CaseFileFontTest {

    @Test
    void aConfiguredFontThatIsNotThereIsRefusedWithA503NamingThePackageToInstall() {
        CaseFileFont font = new CaseFileFont("/nowhere/no-such-font.ttc");
        assertThatThrownBy(font::path).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.messageKey()).isEqualTo("casefile.fontMissing");
        });
    }

    @Test
    void anOpenTypeCffFontIsNotTakenForEmbedding() throws Exception {
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(noto), "fonts-noto-cjk is not installed");
        assertThatThrownBy(() -> CaseFileFont.open(noto)).isInstanceOf(ProblemException.class);
    }

    @Test
    void withoutConfigurationTheSystemFontDirectoriesAreSearchedForAKnownCjkTrueTypeFont() throws Exception {
        CaseFileFont font = new CaseFileFont("");
        org.junit.jupiter.api.Assumptions.assumeTrue(font.locate().isPresent(), "no CJK TrueType font installed");
        assertThat(CaseFileFont.KNOWN).contains(font.path().getFileName().toString());
        try (CaseFileFont.Opened opened = CaseFileFont.open(font.path())) {
            assertThat(opened.font().getUnicodeCmapLookup().getGlyphId('调')).isPositive();
        }
    }
}

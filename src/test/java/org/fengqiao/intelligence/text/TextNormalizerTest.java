package org.fengqiao.intelligence.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void dropsSpacesPunctuationAndRedactionMarks() {
        assertEquals("小区路灯坏了电话", TextNormalizer.normalize("小区 路灯，坏了！电话*****"));
    }

    @Test
    void foldsFullWidthFormsAndCase() {
        assertEquals("a3区abc123", TextNormalizer.normalize("Ａ３区ＡＢＣ１２３"));
    }

    @Test
    void treatsNullAsEmpty() {
        assertEquals("", TextNormalizer.normalize(null));
    }
}

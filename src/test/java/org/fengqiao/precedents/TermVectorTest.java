package org.fengqiao.precedents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TermVectorTest {

    @Test
    void theCosineIsThatOfTheTermCounts() {
        Map<String, Integer> a = Map.of("噪音", 3, "扰民", 2, "夜间", 1, "ktv", 1);
        Map<String, Integer> b = Map.of("噪音", 1, "扰民", 1, "广场", 4, "ktv", 2);
        double dot = 3 * 1 + 2 * 1 + 1 * 2;
        double expected = dot / (Math.sqrt(9 + 4 + 1 + 1) * Math.sqrt(1 + 1 + 16 + 4));
        assertThat(TermVector.of(a).cosine(TermVector.of(b))).isCloseTo(expected, within(1e-12));
        assertThat(TermVector.of(a).cosine(TermVector.of(Map.of("噪音", 6, "扰民", 4, "夜间", 2, "ktv", 2))))
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void textsWithNoTermInCommonAreNotSimilarAtAll() {
        assertThat(TermVector.of(Map.of("噪音", 1)).cosine(TermVector.of(Map.of("音噪", 1)))).isZero();
        assertThat(TermVector.of(Map.of("噪", 1)).cosine(TermVector.of(Map.of("噪音", 1)))).isZero();
        assertThat(TermVector.of(Map.of("噪音", 1)).cosine(TermVector.EMPTY)).isZero();
    }

    @Test
    void shortTermsNeverShareAKey() {
        assertThat(TermVector.key("噪音")).isNotEqualTo(TermVector.key("音噪"));
        assertThat(TermVector.key("a")).isNotEqualTo(TermVector.key("\u0000a"));
        assertThat(TermVector.key("abc")).isPositive();
        assertThat(TermVector.key("abcd")).isNegative();
    }
}

package org.fengqiao.laws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseNumberTest {

    @Test
    void readsArticleNumbersAsLawsWriteThem() {
        assertThat(ChineseNumber.parse("十四")).isEqualTo(14);
        assertThat(ChineseNumber.parse("二十八")).isEqualTo(28);
        assertThat(ChineseNumber.parse("一百零五")).isEqualTo(105);
        assertThat(ChineseNumber.parse("一千零一十")).isEqualTo(1010);
        assertThat(ChineseNumber.parse("一千二百五十九")).isEqualTo(1259);
        assertThat(ChineseNumber.parse("二〇")).isEqualTo(-1);
        assertThat(ChineseNumber.parse("十十")).isEqualTo(-1);
        assertThat(ChineseNumber.parse("x")).isEqualTo(-1);
    }

    @Test
    void writesEveryNumberBackTheSameWay() {
        for (int n = 1; n <= 1300; n++) {
            assertThat(ChineseNumber.parse(ChineseNumber.format(n))).as("%d", n).isEqualTo(n);
        }
        assertThat(ChineseNumber.articleLabel(14)).isEqualTo("第十四条");
        assertThat(ChineseNumber.format(110)).isEqualTo("一百一十");
    }
}

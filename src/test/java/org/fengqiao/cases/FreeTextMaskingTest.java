package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextMaskingTest {

    @Test
    void phoneAndIdNumbersInFreeTextAreMasked() {
        assertThat(FreeTextMasking.mask("请回电13812345678，或+86 139-1234-5678"))
                .isEqualTo("请回电138****5678，或139****5678");
        assertThat(FreeTextMasking.mask("身份证330681199001011234号")).isEqualTo("身份证330681********1234号");
        assertThat(FreeTextMasking.mask("身份证11010519491231002X")).isEqualTo("身份证110105********002X");
        assertThat(FreeTextMasking.mask("座机0575-87654321")).isEqualTo("座机0575-****4321");
    }

    @Test
    void otherNumbersAreLeftAlone() {
        assertThat(FreeTextMasking.mask("欠薪3万元，12人，2026年5月1日，门牌号108"))
                .isEqualTo("欠薪3万元，12人，2026年5月1日，门牌号108");
        assertThat(FreeTextMasking.mask(null)).isNull();
    }
}

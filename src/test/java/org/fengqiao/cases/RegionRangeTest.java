package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionRangeTest {

    static boolean within(String code, String prefix) {
        String[] range = CaseSql.regionRange(prefix);
        return code.compareTo(range[0]) >= 0 && code.compareTo(range[1]) <= 0;
    }

    @Test
    void aRegionsRangeHoldsItsOwnCodeItsVillagesAndItsGrids() {
        assertThat(within("330681109290", "330681109290")).isTrue();
        assertThat(within("330681109290001", "330681109290")).isTrue();
        assertThat(within("330681109000", "330681109")).isTrue();
        assertThat(within("330681109290", "330681109")).isTrue();
        assertThat(within("330681109290", "330681")).isTrue();
    }

    @Test
    void aRegionsRangeHoldsNothingOutside() {
        assertThat(within("330681109291", "330681109290")).isFalse();
        assertThat(within("330681110001", "330681109")).isFalse();
        assertThat(within("330681108999", "330681109")).isFalse();
        assertThat(within("330682000000", "330681")).isFalse();
        assertThat(within("330681109290", null)).isFalse();
    }
}

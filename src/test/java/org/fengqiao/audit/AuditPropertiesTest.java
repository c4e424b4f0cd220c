package org.fengqiao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;

import org.junit.jupiter.api.Test;

class AuditPropertiesTest {

    @Test
    void theAuditLogIsKeptAYearUnlessConfigured() {
        assertThat(new AuditProperties(null).retention()).isEqualTo(Period.ofYears(1));
    }

    @Test
    void aRetentionShorterThanSixMonthsIsRefused() {
        assertThatThrownBy(() -> new AuditProperties(Period.ofMonths(5))).hasMessageContaining("P6M");
        assertThatThrownBy(() -> new AuditProperties(Period.ofDays(180))).hasMessageContaining("P6M");
        assertThatThrownBy(() -> new AuditProperties(Period.ofMonths(-12))).hasMessageContaining("P6M");
    }

    @Test
    void sixMonthsOrMoreIsAccepted() {
        assertThat(new AuditProperties(Period.ofMonths(6)).retention()).isEqualTo(Period.ofMonths(6));
        assertThat(new AuditProperties(Period.ofDays(190)).retention()).isEqualTo(Period.ofDays(190));
        assertThat(new AuditProperties(Period.ofYears(3)).retention()).isEqualTo(Period.ofYears(3));
    }
}

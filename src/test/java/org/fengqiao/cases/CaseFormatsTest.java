package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.fengqiao.platform.PartyMasking;
import org.fengqiao.platform.IdNumbers;
import org.fengqiao.regions.DivisionCode;

class CaseFormatsTest {

    @Test
    void trackingCodeCarriesCountyDateNumberAndACheckCharacter() {
        String code = TrackingCode.of(DivisionCode.of("330681109290"), LocalDate.of(2026, 11, 20), 1050);
        assertThat(code).matches("330681-20261120-001050-[0-9X]");
        assertThat(TrackingCode.normalise(code)).contains(code);
    }

    @Test
    void trackingCodeMayBeTypedWithoutHyphensOrInLowerCase() {
        String code = TrackingCode.of(DivisionCode.of("330681109290"), LocalDate.of(2026, 11, 20), 1050);
        assertThat(TrackingCode.normalise(" " + code.replace("-", "").toLowerCase() + " ")).contains(code);
    }

    @Test
    void aMistypedDigitFailsTheCheckCharacter() {
        String code = TrackingCode.of(DivisionCode.of("330681109290"), LocalDate.of(2026, 11, 20), 1050);
        String typo = code.replace("001050", "001060");
        assertThat(TrackingCode.normalise(typo)).isEmpty();
    }

    @Test
    void checkCharacterIsIso7064Mod112AsOnResidentIds() {
        // the standard's published sample resident ID: 11010519491231002X
        assertThat(TrackingCode.checkChar("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.isValidResidentId("11010519491231002X")).isTrue();
        assertThat(IdNumbers.isValidResidentId("110105194912310021")).isFalse();
    }

    @Test
    void personalDataIsMaskedForDisplay() {
        assertThat(PartyMasking.name("张三")).isEqualTo("张*");
        assertThat(PartyMasking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(PartyMasking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(PartyMasking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(PartyMasking.address("枫桥镇枫源村88号3单元")).isEqualTo("枫桥镇枫源村****");
    }
}

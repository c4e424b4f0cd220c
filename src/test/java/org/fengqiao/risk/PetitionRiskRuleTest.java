package org.fengqiao.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Threats to petition above the proper level or to gather (去市里上访, 堵路, 拉横幅) are a signal of their own: a
 * matter of many people who say so is a collective petition in the making and rates high.
 */
class PetitionRiskRuleTest {

    final RiskAssessor assessor = new RiskAssessor(RiskProperties.defaults(), messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages", "i18n/risk", "i18n/fixes");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    RiskAssessment assess(String title, String description, int people) {
        return assessor.assess(new RiskFacts("DISPUTE", "LABOUR_WAGES", title, description, people, null, 0, 0, false,
                false, LocalDate.of(2026, 6, 1)));
    }

    Optional<RiskSignal> petition(RiskAssessment a) {
        return a.signals().stream().filter(s -> s.rule().equals("PETITION")).findFirst();
    }

    @Test
    void twelveWorkersGoingToPetitionTheCityRateHigh() {
        RiskAssessment a = assess("工地拖欠工资", "12名工人被拖欠三个月工资，工头说再不给钱就去市里上访。", 12);
        assertThat(petition(a)).hasValueSatisfying(s -> {
            assertThat(s.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(s.reason()).contains("集体上访").contains("去市里");
        });
        assertThat(a.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void collectiveWordsMakeItCollectiveEvenWithoutACount() {
        assertThat(petition(assess("欠薪", "工友们商量明天一起去县里拉横幅讨薪", 0)))
                .hasValueSatisfying(s -> assertThat(s.level()).isEqualTo(RiskLevel.HIGH));
    }

    @Test
    void oneCitizenThreateningToPetitionIsAMediumSignal() {
        assertThat(petition(assess("邻里纠纷", "申请人称调解不成就去信访部门上访", 1)))
                .hasValueSatisfying(s -> assertThat(s.level()).isEqualTo(RiskLevel.MEDIUM));
    }

    @Test
    void ordinaryWordsRaiseNothing() {
        assertThat(petition(assess("欠薪", "12名工人被拖欠工资，请求协调支付", 12))).isEmpty();
    }
}

package org.fengqiao.laws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.fengqiao.deadlines.DeadlinePolicy;
import org.fengqiao.deadlines.DeadlineStep;
import org.fengqiao.deadlines.DeadlineSubject;
import org.fengqiao.deadlines.Deadlines;
import org.fengqiao.categories.Categories;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.SharedData;

/**
 * The deadline policies cite their legal basis correctly: each cited article is in the law texts and states the
 * policy's period; a labour dispute's mediation has its own 15 days.
 */
@IntegrationTest
class LawCitationsTest {

    @Autowired
    Deadlines deadlines;

    @Autowired
    Categories categories;

    @Test
    void everyCitedArticleIsInTheLawsAndStatesThePeriod() throws Exception {
        Path dir = SharedData.file("laws/人民调解法(2010-08-28).md").getParent();
        LawSearch laws = LawSearch.of(LawFiles.readDirectory(dir));
        int checked = 0;
        for (DeadlinePolicy p : deadlines.policies()) {
            if (p.basis() == null || !laws.hasLaw(p.basis().law())) {
                continue;
            }
            String label = p.basis().article();
            LawSearch.Hit article = laws.article(p.basis().law(),
                    ChineseNumber.parse(label.substring(1, label.length() - 1))).orElseThrow(
                            () -> new AssertionError(p.code() + " cites a missing article " + p.basis()));
            // laws write periods in Chinese numerals (十五日), the petition rules in digits (60日)
            assertThat(article.text()).as(p.code() + " " + p.basis())
                    .containsAnyOf(p.amount() + "日", ChineseNumber.format(p.amount()) + "日");
            assertThat(p.description()).as(p.code()).contains(p.basis().article());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void peoplesMediationCitesTheMinistryRuleWhichTheLibraryDoesNotHold() {
        DeadlinePolicy dispute = deadlines.find("HANDLE_DISPUTE").orElseThrow();
        assertThat(dispute.basis().toString()).isEqualTo("《人民调解工作若干规定》第三十三条");
        assertThat(dispute.amount()).isEqualTo(30);
    }

    @Test
    void aLabourDisputeIsMediatedWithinFifteenDaysUnderTheLabourDisputeLaw() {
        String wages = categories.topLevelNamed("劳动和社会保障").flatMap(top -> categories.children(top.code())
                .stream().filter(c -> c.name().equals("劳动关系")).findFirst()).orElseThrow().code();
        DeadlinePolicy labour = deadlines.policyFor(DeadlineStep.HANDLE,
                new DeadlineSubject("WALK_IN", "DISPUTE", wages + "001", false));
        assertThat(labour.amount()).isEqualTo(15);
        assertThat(labour.basis().toString()).isEqualTo("《劳动争议调解仲裁法》第十四条");
        DeadlinePolicy neighbour = deadlines.policyFor(DeadlineStep.HANDLE,
                new DeadlineSubject("WALK_IN", "DISPUTE", null, false));
        assertThat(neighbour.code()).isEqualTo("HANDLE_DISPUTE");
    }
}

package org.fengqiao.intelligence.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void chineseIsIndexedAsOverlappingPairs() {
        assertThat(SearchTerms.of("物业费纠纷")).containsExactly("物业", "业费", "费纠", "纠纷");
    }

    @Test
    void everyPairOfAQueryIsAmongTheTermsOfATextContainingIt() {
        String text = "A3区潇楚南路洋湖段道路长期未修好，物业费纠纷不断";
        for (String query : new String[] {"物业费", "洋湖段", "道路长期", "纠纷"}) {
            assertThat(SearchTerms.of(text)).containsAll(SearchTerms.of(query).stream().filter(SearchTerms::isBigram).toList());
        }
    }

    @Test
    void onlyChinesePairsAreRequiredOfQueries() {
        assertThat(SearchTerms.isBigram("纠纷")).isTrue();
        assertThat(SearchTerms.isBigram("纠")).isFalse();
        assertThat(SearchTerms.isBigram("a3")).isFalse();
        assertThat(SearchTerms.isBigram("物业费")).isFalse();
    }
}

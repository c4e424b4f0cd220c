package org.fengqiao.intelligence.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseSegmenterTest {

    private final ChineseSegmenter segmenter = new ChineseSegmenter();

    @Test
    void splitsIntoDictionaryWordsWithoutStopWords() {
        List<String> words = segmenter.words("小区的电梯经常发生故障");
        assertTrue(words.containsAll(List.of("小区", "电梯", "故障")), words.toString());
        assertFalse(words.contains("的"), words.toString());
    }

    @Test
    void returnsNothingForEmptyText() {
        assertEquals(List.of(), segmenter.words(""));
    }
}

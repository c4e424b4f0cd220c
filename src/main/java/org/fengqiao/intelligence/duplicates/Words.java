package org.fengqiao.intelligence.duplicates;

import java.util.List;

import org.fengqiao.intelligence.text.ChineseSegmenter;
import org.fengqiao.intelligence.text.TextNormalizer;

/**
 * Splits prose into the words compared for duplicates: HanLP dictionary words of the normalised text, stop words
 * dropped ({@link ChineseSegmenter}). Words were chosen over character bigrams by measurement (docs/DUPLICATES.md:
 * average precision 0.963 against 0.951 for bigrams with the same weighting) and because shared words are what a
 * dispatcher can read in a reason. Only the first {@link #MAX_CHARS} characters of a text are read: long complaints
 * name their matter early, and the cap bounds the cost of one comparison.
 */
final class Words {

    static final int MAX_CHARS = 3_000;

    private static final ChineseSegmenter SEGMENTER = new ChineseSegmenter();

    private Words() {
    }

    static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String capped = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        return SEGMENTER.words(TextNormalizer.normalize(capped));
    }
}

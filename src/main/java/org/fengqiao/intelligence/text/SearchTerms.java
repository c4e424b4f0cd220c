package org.fengqiao.intelligence.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms under which a text is found: Chinese as overlapping character pairs (bigrams, as Lucene's
 * {@link CJKAnalyzer} makes them), other scripts as lower-cased words. A query's terms are all contained in a
 * text's terms whenever the query occurs in the text, so an index of terms finds every match; an exact
 * substring check then removes the few bigram coincidences.
 */
public final class SearchTerms {

    private static final Analyzer ANALYZER = new CJKAnalyzer(CharArraySet.EMPTY_SET);
    private static final int MAX_TERMS = 2_000;

    private SearchTerms() {
    }

    /**
     * Whether a term is a pair of Chinese characters. Only these are safe to require of a query: a word of
     * another script may be part of a longer word in the text, and a single character appears in the text's
     * terms only when it stands alone.
     */
    public static boolean isBigram(String term) {
        return term.codePointCount(0, term.length()) == 2 && isChinese(term);
    }

    /** Whether a text is Chinese characters only (and not empty). */
    public static boolean isChinese(String text) {
        return !text.isEmpty()
                && text.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** The distinct terms of the texts, in order of first appearance (at most 2,000). */
    public static List<String> of(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken() && terms.size() < MAX_TERMS) {
                    terms.add(term.toString());
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ArrayList<>(terms);
    }
}

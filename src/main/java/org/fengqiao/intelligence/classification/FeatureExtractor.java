package org.fengqiao.intelligence.classification;

import java.util.Arrays;
import java.util.List;
import org.fengqiao.intelligence.text.ChineseSegmenter;
import org.fengqiao.intelligence.text.TextNormalizer;

/**
 * Turns a text into counted feature keys: character n-grams of the normalised text and,
 * optionally, words and word pairs from the segmenter.
 *
 * <p>Both kinds of feature are computed on {@link TextNormalizer normalised} text, so spacing and
 * punctuation, which differ between pre-segmented corpora and raw requests, have no effect.
 * Character n-grams of up to {@value #MAX_CHAR_NGRAM} UTF-16 units are packed exactly into a key;
 * words are keyed by a 60-bit hash, whose collisions are negligible at vocabulary sizes of
 * millions. Thread-safe.
 */
final class FeatureExtractor {

    static final int MAX_CHAR_NGRAM = 3;

    private static final long WORD_TAG = 1L << 60;
    private static final long WORD_PAIR_TAG = 2L << 60;
    private static final long HASH_MASK = (1L << 60) - 1;
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private final FeatureSpec spec;
    private final ChineseSegmenter segmenter;

    FeatureExtractor(FeatureSpec spec) {
        this.spec = spec;
        this.segmenter = spec.needsSegmenter() ? new ChineseSegmenter() : null;
    }

    FeatureSpec spec() {
        return spec;
    }

    /** Returns the distinct feature keys of {@code text}, ascending, with their counts. */
    TermCounts extract(String text) {
        String normalized = TextNormalizer.normalize(text);
        KeyBuffer keys = new KeyBuffer(normalized.length() * (spec.maxCharNgram() - spec.minCharNgram() + 2) + 8);
        addCharNgrams(normalized, keys);
        if (segmenter != null) {
            addWords(segmenter.words(normalized), keys);
        }
        return keys.countDistinct();
    }

    private void addCharNgrams(String s, KeyBuffer keys) {
        for (int n = spec.minCharNgram(); n <= spec.maxCharNgram(); n++) {
            for (int start = 0; start + n <= s.length(); start++) {
                long key = n;
                for (int i = start; i < start + n; i++) {
                    key = (key << 16) | s.charAt(i);
                }
                keys.add(key);
            }
        }
    }

    private void addWords(List<String> words, KeyBuffer keys) {
        long previous = 0;
        for (String word : words) {
            long hash = hash(FNV_OFFSET, word);
            if (spec.wordUnigrams()) {
                keys.add(WORD_TAG | (mix(hash) & HASH_MASK));
            }
            if (spec.wordBigrams() && previous != 0) {
                keys.add(WORD_PAIR_TAG | (mix(previous * FNV_PRIME ^ hash) & HASH_MASK));
            }
            previous = hash;
        }
    }

    private static long hash(long seed, String s) {
        long h = seed;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    /** A growable list of keys that sorts itself into {@link TermCounts}. */
    private static final class KeyBuffer {
        private long[] keys;
        private int size;

        KeyBuffer(int capacity) {
            keys = new long[capacity];
        }

        void add(long key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
        }

        TermCounts countDistinct() {
            Arrays.sort(keys, 0, size);
            long[] distinct = new long[size];
            int[] counts = new int[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (n > 0 && distinct[n - 1] == keys[i]) {
                    counts[n - 1]++;
                } else {
                    distinct[n] = keys[i];
                    counts[n++] = 1;
                }
            }
            return new TermCounts(Arrays.copyOf(distinct, n), Arrays.copyOf(counts, n));
        }
    }
}

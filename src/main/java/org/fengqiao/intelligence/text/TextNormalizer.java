package org.fengqiao.intelligence.text;

/**
 * Reduces Chinese free text to the characters that carry meaning for classification.
 *
 * <p>Labelled corpora are often published already segmented, with spaces between words and
 * punctuation stripped, while live requests arrive as raw prose. Keeping only letters and digits
 * (after folding full-width forms and case) makes both kinds of input look alike.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextNormalizer {

    private static final char FULLWIDTH_FIRST = '\uFF01';
    private static final char FULLWIDTH_LAST = '\uFF5E';
    private static final int FULLWIDTH_OFFSET = 0xFEE0;

    private TextNormalizer() {
    }

    /**
     * Returns {@code text} with full-width ASCII folded to half-width, letters lower-cased and
     * every character that is neither a letter nor a digit (spaces, punctuation, symbols,
     * redaction asterisks) removed. Returns an empty string for {@code null}.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) {
                c = (char) (c - FULLWIDTH_OFFSET);
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}

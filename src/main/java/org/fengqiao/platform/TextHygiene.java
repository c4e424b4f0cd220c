package org.fengqiao.platform;

/**
 * Rules every piece of free text must pass before it is stored: no unpaired UTF-16 surrogates (invalid
 * Unicode) and no control characters other than tab and line breaks (PostgreSQL cannot store NUL, and the
 * rest only corrupts ledgers and exports).
 */
public final class TextHygiene {

    private TextHygiene() {
    }

    /** Returns the index of the first offending char, or -1 when the text is clean. */
    public static int firstInvalidChar(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
        }
        return -1;
    }

    public static boolean isClean(CharSequence text) {
        return text == null || firstInvalidChar(text) < 0;
    }
}

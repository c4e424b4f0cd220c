package org.fengqiao.laws;

/**
 * A law file not in the expected form, with the file, the line (1-based; 0 for the whole file) and a message key
 * of the {@code laws} bundle saying what was expected there.
 */
public class LawFormatException extends Exception {

    private final String file;
    private final int line;
    private final String messageKey;
    private final transient Object[] args;

    public LawFormatException(String file, int line, String messageKey, Object... args) {
        super(file + (line > 0 ? ":" + line : "") + ": " + messageKey);
        this.file = file;
        this.line = line;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}

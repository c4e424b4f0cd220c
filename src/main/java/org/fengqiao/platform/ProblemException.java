package org.fengqiao.platform;

import java.util.Map;

/**
 * A refusal the caller can act on. The message is a key in the message bundles, resolved in the caller's
 * language when the problem detail (RFC 9457) is written; {@link #properties()} become extension members.
 */
public abstract class ProblemException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected ProblemException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    /** HTTP status of the problem. */
    public abstract int status();

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /**
     * A message argument naming several coded things, each looked up as {@code prefix + code} and joined in
     * the caller's language (e.g. the allowed actions).
     */
    public record Joined(String prefix, java.util.List<String> codes) {
    }

    /** A message argument that is itself looked up as {@code key} in the caller's language. */
    public static org.springframework.context.MessageSourceResolvable localized(String key) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {key}, key);
    }

    /** Extra members of the problem detail, e.g. the current state and the allowed actions. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** Not found — also what a caller sees for anything outside their jurisdiction. */
    public static class NotFound extends ProblemException {
        public NotFound(String messageKey, Object... args) {
            super(messageKey, args);
        }

        @Override
        public int status() {
            return 404;
        }
    }

    /** Input that is well-formed but unacceptable: unknown codes, values out of range, inconsistent fields. */
    public static class InvalidInput extends ProblemException {
        private final String field;

        public InvalidInput(String field, String messageKey, Object... args) {
            super(messageKey, args);
            this.field = field;
        }

        public String field() {
            return field;
        }

        @Override
        public int status() {
            return 400;
        }
    }

    /** The caller may see the case but their role or unit may not take this action. */
    public static class Forbidden extends ProblemException {
        public Forbidden(String messageKey, Object... args) {
            super(messageKey, args);
        }

        @Override
        public int status() {
            return 403;
        }
    }

    /** The request conflicts with the current state of the resource. */
    public static class Conflict extends ProblemException {
        public Conflict(String messageKey, Object... args) {
            super(messageKey, args);
        }

        @Override
        public int status() {
            return 409;
        }
    }
}

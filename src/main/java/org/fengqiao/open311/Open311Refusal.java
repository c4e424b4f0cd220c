package org.fengqiao.open311;

/**
 * A refusal in GeoReport v2's own terms: the HTTP status (400, 403, 404, or 429 when a key sends too much), the
 * error code in the body and a description a person can act on (a key in {@code i18n/open311}), never the value
 * that was sent.
 */
public class Open311Refusal extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;

    public Open311Refusal(int status, String code, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public int status() {
        return status;
    }

    /** The error code of the body: the HTTP status, or a more specific one (e.g. {@code 400} for a field). */
    public String code() {
        return code;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }

    public static Open311Refusal badRequest(String messageKey, Object... args) {
        return new Open311Refusal(400, "400", messageKey, args);
    }

    public static Open311Refusal notFound(String messageKey, Object... args) {
        return new Open311Refusal(404, "404", messageKey, args);
    }
}

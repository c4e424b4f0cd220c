package org.fengqiao.platform;

/**
 * An error format of its own for some addresses, which a module provides as a bean (Open311's GeoReport list of
 * code and description for {@code /open311}): every refusal of such an address — by a controller, by a filter
 * through {@link Refusals}, by Tomcat before the application sees the request ({@code ProblemReportValve}), at the
 * error page — is written by it instead of as a problem detail or a page.
 */
public interface ErrorFormat {

    /** Whether refusals of this address (the request's path) are written in this format. */
    boolean serves(String uri);

    /** The refusal's answer; {@code description} is one of the platform's messages, never a value sent. */
    Written write(String uri, int status, String description);

    /** An answer's content type and body. */
    record Written(String contentType, String body) {
    }

    /** The first format serving the address, or null. */
    static ErrorFormat of(Iterable<ErrorFormat> formats, String uri) {
        if (uri == null) {
            return null;
        }
        for (ErrorFormat f : formats) {
            if (f.serves(uri)) {
                return f;
            }
        }
        return null;
    }
}

package org.fengqiao.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.context.MessageSource;

/**
 * Tomcat's own refusals — a request target it cannot decode ({@code %00}, an encoded slash, bytes that are not
 * UTF-8), a header too large — happen before the application sees the request. This valve writes them like the
 * application's: a problem detail for {@code /api}, a short page otherwise, in Chinese unless English is asked
 * for; never Tomcat's page with its name and version.
 */
class ProblemReportValve extends ErrorReportValve {

    private final MessageSource messages;
    /** The modules' own error formats, looked up when a refusal is written (they are beans made after the valve). */
    private final Iterable<ErrorFormat> formats;

    ProblemReportValve(MessageSource messages, Iterable<ErrorFormat> formats) {
        this.messages = messages;
        this.formats = formats;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        int shown = status == 404 || status == 405 || status == 413 || status == 414 || status == 431
                || status == 500 || status == 503 ? status : status < 500 ? 400 : 500;
        String accept = request.getHeader("Accept-Language");
        Locale locale = accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
        String title = messages.getMessage("problem.title." + shown, null, "", locale);
        String detail = messages.getMessage("input.status." + shown, null, "", locale);
        String uri = request.getDecodedRequestURI();
        if (uri == null) {
            uri = request.getRequestURI();
        }
        boolean api = uri == null || Refusals.isApi(uri);
        try {
            ErrorFormat format = ErrorFormat.of(formats, uri);
            if (format != null) {
                ErrorFormat.Written error = format.write(uri, status, detail);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentType(error.contentType());
                Writer out = response.getReporter();
                if (out != null) {
                    out.write(error.body());
                    response.finishResponse();
                }
                return;
            }
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(api ? "application/problem+json" : "text/html");
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (api) {
                out.write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                        + ",\"detail\":\"" + json(detail) + "\"}");
            } else {
                out.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                        + "<title>" + html(title) + "</title></head><body><main><h1>" + html(title) + "</h1><p>"
                        + html(detail) + "</p><p><a href=\"/workbench\">" + html(messages.getMessage(
                        "nav.backToWorkbench", null, "", locale)) + "</a></p></main></body></html>");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or already answered: nothing more to say
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package org.fengqiao.platform;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns a JSON parsing failure into a short description naming the field and the problem, without echoing
 * the input (it may hold personal data).
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof DatabindException db && !db.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : db.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path + ": " + firstLine(db.getOriginalMessage());
        }
        if (cause instanceof JacksonException je) {
            return firstLine(je.getOriginalMessage()) + locationOf(je);
        }
        return firstLine(ex.getMessage());
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}

package org.fengqiao.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a JSON reading failure into words naming the field and what it expects — never Jackson's own message
 * (it names Java classes) and never the value sent (it may hold personal data).
 */
final class JsonErrors {

    private JsonErrors() {
    }

    /** The field in error ({@code parties[0].phone}), or null when the body as a whole is wrong. */
    static String field(HttpMessageNotReadableException ex) {
        if (ex.getMostSpecificCause() instanceof DatabindException db && !db.getPath().isEmpty()
                && !(db instanceof UnrecognizedPropertyException)) {
            StringBuilder path = new StringBuilder();
            for (var ref : db.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }

    static String describe(HttpMessageNotReadableException ex, ProblemMessages problems) {
        Throwable cause = ex.getMostSpecificCause();
        String field = field(ex);
        if (cause instanceof UnrecognizedPropertyException u) {
            // the unknown name is not repeated: it is whatever the caller sent
            return problems.text("input.body.unknownField", u.getKnownPropertyIds() == null ? ""
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (cause instanceof InvalidFormatException f && f.getOriginalMessage() != null
                && f.getOriginalMessage().contains(JsonConfiguration.INVALID_CHARACTER) && field != null) {
            return problems.text("input.body.invalidText", field);
        }
        if (cause instanceof MismatchedInputException mi && field != null) {
            return problems.text("input.body.expected", field, expectation(mi.getTargetType(), problems));
        }
        if (cause instanceof MismatchedInputException mi && mi.getTargetType() != null
                && !(mi.getOriginalMessage() != null && mi.getOriginalMessage().contains("end-of-input"))) {
            return problems.text("input.body.expectedObject");
        }
        if (cause instanceof JacksonException je && je.getOriginalMessage() != null
                && (je.getOriginalMessage().contains("end-of-input") || je.getOriginalMessage().contains("No content"))
                && je.getLocation() != null && je.getLocation().getLineNr() <= 1 && je.getLocation().getColumnNr() <= 1) {
            return problems.text("input.body.missing");
        }
        if (cause instanceof JacksonException je) {
            return je.getLocation() == null ? problems.text("input.body.malformedNoPlace")
                    : problems.text("input.body.malformed", Integer.toString(je.getLocation().getLineNr()),
                            Integer.toString(je.getLocation().getColumnNr()));
        }
        return problems.text("input.body.missing");
    }

    /** What a value of this type must look like, in words. */
    static String expectation(Class<?> type, ProblemMessages problems) {
        if (type == null) {
            return problems.text("input.type.value");
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return problems.text("input.type.text");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return problems.text("input.type.integer");
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class) {
            return problems.text("input.type.number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return problems.text("input.type.boolean");
        }
        if (type.isEnum()) {
            return problems.text("input.type.enum", Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        if (type == LocalDate.class) {
            return problems.text("input.type.date", PlausibleDates.MIN.toString(), PlausibleDates.MAX.toString());
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == LocalDateTime.class) {
            return problems.text("input.type.dateTime", PlausibleDates.MIN.toString(), PlausibleDates.MAX.toString());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return problems.text("input.type.list");
        }
        return problems.text("input.type.object");
    }
}

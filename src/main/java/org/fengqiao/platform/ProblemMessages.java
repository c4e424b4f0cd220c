package org.fengqiao.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts a {@link ProblemException} into words in the caller's language, for problem details and for the
 * messages pages show; and validates commands coming from page forms the way the API validates JSON.
 */
@Component
public class ProblemMessages {

    private final MessageSource messages;
    private final Validator validator;

    ProblemMessages(MessageSource messages, Validator validator) {
        this.messages = messages;
        this.validator = validator;
    }

    public String text(ProblemException e) {
        return text(e.messageKey(), resolve(e.args()));
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    Object[] resolve(Object[] args) {
        Locale locale = LocaleContextHolder.getLocale();
        String separator = "zh".equals(locale.getLanguage()) ? "、" : ", ";
        return Arrays.stream(args).map(a -> a instanceof ProblemException.Joined j
                ? String.join(separator, j.codes().stream()
                        .map(c -> messages.getMessage(j.prefix() + c, null, c, locale)).toList())
                : a instanceof Long || a instanceof Integer ? a.toString() // ids and codes, not quantities
                : a).toArray();
    }

    /**
     * Checks a command's constraints; the first violation becomes a 400 naming the field.
     */
    public <T> T validate(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> v = violations.stream()
                    .min(java.util.Comparator.comparing(c -> c.getPropertyPath().toString())).orElseThrow();
            String field = v.getPropertyPath().toString();
            String label = messages.getMessage("field." + field.replaceAll("\\[\\d+]", ""), null, field,
                    LocaleContextHolder.getLocale());
            throw new Invalid(field, label + " " + v.getMessage());
        }
        return command;
    }

    /**
     * Every constraint violation of a command, each with its field and the text a page shows beside it (a form
     * shows all its errors at once, not the first only).
     */
    public <T> java.util.List<Invalid> violations(T command) {
        return validator.validate(command).stream()
                .sorted(java.util.Comparator.comparing(c -> c.getPropertyPath().toString()))
                .map(v -> new Invalid(v.getPropertyPath().toString(), v.getMessage())).toList();
    }

    /** A constraint violation on a page form, already in words. */
    public static final class Invalid extends ProblemException.InvalidInput {
        private final String text;

        Invalid(String field, String text) {
            super(field, "problem.fieldInvalid", field, text);
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}

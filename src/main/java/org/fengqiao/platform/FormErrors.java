package org.fengqiao.platform;

import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * Puts a refusal from a service next to the form field it concerns, so a page can show it beside the input
 * (and as a whole-form message when no field matches).
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Rejects the field the problem names (translated through {@code aliases}, service field → form field), or
     * the form as a whole.
     *
     * @param fallbackField the field to blame for problems without one (e.g. a conflict on a unique code), or null
     */
    public static void reject(BindingResult binding, ProblemMessages problems, ProblemException e,
                              Map<String, String> aliases, String fallbackField) {
        String text = e instanceof ProblemMessages.Invalid invalid ? invalid.text() : problems.text(e);
        String field = e instanceof ProblemException.InvalidInput invalid ? invalid.field() : null;
        if (field != null) {
            field = aliases.getOrDefault(field, field);
        }
        if (field == null) {
            field = fallbackField;
        }
        if (field != null && binding.getTarget() != null
                && new org.springframework.beans.BeanWrapperImpl(binding.getTarget()).isReadableProperty(field)) {
            binding.rejectValue(field, "refused", text);
        } else {
            binding.reject("refused", text);
        }
    }

    public static void reject(BindingResult binding, ProblemMessages problems, ProblemException e) {
        reject(binding, problems, e, Map.of(), null);
    }
}

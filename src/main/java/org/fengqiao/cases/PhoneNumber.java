package org.fengqiao.cases;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A Chinese phone number as people write it: a mobile (11 digits, 13x–19x, optionally +86), a landline with its
 * area code (0 and 2–3 digits, then 7–8 digits; brackets, spaces and hyphens allowed), a local landline without
 * it (7–8 digits not starting with 0 or 1), or a 400/800 service number. Null is valid.
 */
@Documented
@Constraint(validatedBy = PhoneNumber.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PhoneNumber {

    String message() default "{party.phone.notChinese}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself, also usable without Bean Validation. */
    final class Check implements ConstraintValidator<PhoneNumber, String> {

        private static final Pattern SEPARATORS = Pattern.compile("[\\s()（）\\-]");
        private static final Pattern VALID = Pattern.compile(
                "1[3-9]\\d{9}"              // mobile
                        + "|0(?:10|2\\d|[3-9]\\d{2})[2-9]\\d{6,7}" // landline with area code
                        + "|[2-9]\\d{6,7}"          // local landline
                        + "|[48]00\\d{7}");         // service numbers

        public static boolean isValid(String phone) {
            if (phone == null || phone.isBlank()) {
                return true;
            }
            String digits = SEPARATORS.matcher(phone.strip()).replaceAll("");
            if (digits.startsWith("+86")) {
                digits = digits.substring(3);
            } else if (digits.startsWith("0086")) {
                digits = digits.substring(4);
            } else if (digits.startsWith("86") && digits.length() == 13) {
                digits = digits.substring(2);
            }
            return VALID.matcher(digits).matches();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isValid(value);
        }
    }
}

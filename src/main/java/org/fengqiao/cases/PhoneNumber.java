package org.fengqiao.cases;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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

        public static boolean isValid(String phone) {
            return org.fengqiao.platform.PhoneNumbers.isValid(phone);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isValid(value);
        }
    }
}

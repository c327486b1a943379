package com.loyaltysuite.tier.api;

import com.loyaltysuite.tier.ladder.TierLadder;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A tier code on the ladder in force (null is left to {@code @NotBlank}). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OnLadder.Validator.class)
@interface OnLadder {

    String message() default "is not a tier on the ladder";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OnLadder, String> {

        private final TierLadder ladder;

        Validator(TierLadder ladder) {
            this.ladder = ladder;
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || code.isBlank() || ladder.contains(code);
        }
    }
}

package com.loyaltysuite.tier.api;

import com.loyaltysuite.tier.ladder.InvalidLadderException;
import com.loyaltysuite.tier.policy.TierPolicy;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A simulation request whose proposal makes a usable policy (entry tier at 0, thresholds rising,
 * retention not above entry, …); what is wrong is reported on the field {@code tiers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidProposal.Validator.class)
@interface ValidProposal {

    String message() default "is not a usable policy";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidProposal, SimulationRequest> {

        private final TierPolicy current;

        Validator(TierPolicy current) {
            this.current = current;
        }

        @Override
        public boolean isValid(SimulationRequest request, ConstraintValidatorContext context) {
            if (request.tiers() != null
                    && request.tiers().stream().anyMatch(t -> t == null || t.code() == null || t.threshold() == null)) {
                return true; // the field constraints report these
            }
            try {
                request.proposal().applyTo(current);
                return true;
            } catch (InvalidLadderException | IllegalArgumentException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(e.getMessage().replace("{", "(").replace("}", ")"))
                        .addPropertyNode("tiers")
                        .addConstraintViolation();
                return false;
            }
        }
    }
}

package com.loyaltysuite.support.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A member id as the event contracts define it (1 to 128 characters), with no whitespace or control
 * characters: on a path
 * variable, a blank or odd id is a 400 naming {@code memberId}, not a server error.
 */
@Documented
@NotBlank
@Size(max = 128)
// No whitespace or control character of any script (Java's \S alone lets U+3000 through).
@Pattern(regexp = "(?U)[^\\p{Z}\\p{Cc}\\s]+")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidMemberId {

    String message() default "must be a member id: 1 to 128 characters without spaces";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

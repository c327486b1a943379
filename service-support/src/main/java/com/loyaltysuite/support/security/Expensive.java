package com.loyaltysuite.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint whose call costs far more than a lookup (a simulation over every member's history, a
 * rebuild): each instance accepts only {@code loyalty.security.expensive-calls-per-period} of them per
 * period from each caller, and answers the rest 429 with {@code Retry-After}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Expensive {}

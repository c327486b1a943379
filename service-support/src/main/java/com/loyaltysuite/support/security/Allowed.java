package com.loyaltysuite.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes that may call an endpoint (any one of them is enough), on the handler method or its
 * controller. An endpoint without it is refused to everyone, so a new endpoint cannot be forgotten.
 * {@link Scopes#MEMBER} grants access only where the path's {@code {memberId}} is the token's subject.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {

    /** Scope names, from {@link Scopes}. */
    String[] value();
}

package com.loyaltysuite.tier.membertier;

/** A paid order that can never count towards a tier; retrying it cannot help. */
public abstract class UnqualifiableOrderException extends RuntimeException {

    protected UnqualifiableOrderException(String message) {
        super(message);
    }
}

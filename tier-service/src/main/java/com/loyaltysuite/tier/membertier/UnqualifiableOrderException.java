package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.support.messaging.PermanentRejection;

/** A paid order that can never count towards a tier; retrying it cannot help. */
public abstract class UnqualifiableOrderException extends RuntimeException implements PermanentRejection {

    protected UnqualifiableOrderException(String message) {
        super(message);
    }
}

package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.support.domain.UnacceptableInputException;

/** A paid order that can never count towards a tier; retrying it cannot help. */
public abstract class UnqualifiableOrderException extends UnacceptableInputException {

    protected UnqualifiableOrderException(String code, String message) {
        super(code, message);
    }
}

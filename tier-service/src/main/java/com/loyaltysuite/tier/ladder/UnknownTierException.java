package com.loyaltysuite.tier.ladder;

import com.loyaltysuite.support.domain.UnacceptableInputException;

/** A tier code that is not on the ladder in force: a request naming it can never be applied. */
public class UnknownTierException extends UnacceptableInputException {

    public UnknownTierException(String code) {
        super("unknown-tier", "No tier '" + code + "' on the ladder");
    }
}

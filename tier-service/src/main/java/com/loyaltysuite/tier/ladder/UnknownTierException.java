package com.loyaltysuite.tier.ladder;

/** A tier code that is not on the ladder in force. */
public class UnknownTierException extends RuntimeException {

    UnknownTierException(String code) {
        super("No tier '" + code + "' on the ladder");
    }
}

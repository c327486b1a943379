package com.loyaltysuite.tier.ladder;

/** The configured ladder cannot be used (no entry tier, thresholds out of order, a code twice, …). */
public class InvalidLadderException extends RuntimeException {

    public InvalidLadderException(String message) {
        super("Invalid tier ladder: " + message);
    }
}

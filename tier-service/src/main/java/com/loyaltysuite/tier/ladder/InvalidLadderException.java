package com.loyaltysuite.tier.ladder;

/** The configured ladder cannot be used (no entry tier, thresholds out of order, a code twice, …). */
public class InvalidLadderException extends RuntimeException {

    InvalidLadderException(String message) {
        super("Invalid tier ladder: " + message);
    }
}

package com.loyaltysuite.tier.ladder;

import com.loyaltysuite.support.domain.UnacceptableInputException;

/**
 * A ladder that cannot be used (no entry tier, thresholds out of order, a code twice, …): configured,
 * it stops the service at start-up; proposed for a simulation, the proposal can never be simulated.
 */
public class InvalidLadderException extends UnacceptableInputException {

    public InvalidLadderException(String message) {
        super("invalid-ladder", "Invalid tier ladder: " + message);
    }
}

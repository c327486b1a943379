package com.loyaltysuite.points.redemption;

import com.loyaltysuite.support.domain.RuleViolationException;

/** A redemption asked for more points than are available (pending and reserved points cannot be spent). */
public class InsufficientPointsException extends RuleViolationException {

    public InsufficientPointsException(long requested, long available) {
        super("insufficient-points", "Cannot redeem " + requested + " points: only " + available + " are available");
    }
}

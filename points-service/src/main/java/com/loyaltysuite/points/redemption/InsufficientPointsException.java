package com.loyaltysuite.points.redemption;

import com.loyaltysuite.support.domain.RuleViolationException;

/** A redemption asked for more points than are available (pending and reserved points cannot be spent). */
public class InsufficientPointsException extends RuleViolationException {

    public InsufficientPointsException(long requested, long available) {
        super("Cannot redeem " + requested + " points: only " + available + " are available");
    }

    @Override
    public String code() {
        return "insufficient-points";
    }
}

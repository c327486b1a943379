package com.loyaltysuite.benefit.exchange;

import com.loyaltysuite.support.domain.RuleViolationException;

/** points-service refused a step for good (not enough points, a reservation already closed): {@code code} is its problem code. */
public class PointsRefusedException extends RuleViolationException {

    public PointsRefusedException(String code, String message) {
        super(code, message);
    }
}

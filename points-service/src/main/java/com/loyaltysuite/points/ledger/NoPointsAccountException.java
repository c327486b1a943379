package com.loyaltysuite.points.ledger;

import com.loyaltysuite.support.domain.UnknownResourceException;

/** A member asked about has no points account yet: nothing was ever earned, adjusted or refunded. */
public class NoPointsAccountException extends UnknownResourceException {

    public NoPointsAccountException(String memberId) {
        super("Member " + memberId + " has no points account yet");
    }

    @Override
    public String code() {
        return "points-account-not-found";
    }
}

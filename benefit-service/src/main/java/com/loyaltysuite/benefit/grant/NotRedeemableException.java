package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.support.domain.RuleViolationException;

/** Only coupons are redeemed; a standing benefit (free shipping, member price) is validated, not used up. */
public class NotRedeemableException extends RuleViolationException {

    public NotRedeemableException(String benefitId) {
        super("not-redeemable", "Benefit " + benefitId + " is a standing benefit, not a coupon: it is not redeemed");
    }
}

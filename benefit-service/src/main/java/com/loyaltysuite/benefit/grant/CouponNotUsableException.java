package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.benefit.coupon.Usability;
import com.loyaltysuite.support.domain.RuleViolationException;

/** A redemption refused: the coupon cannot be used on this order, for {@link #reason()}. */
public class CouponNotUsableException extends RuleViolationException {

    private final Usability reason;

    public CouponNotUsableException(String benefitId, Usability reason) {
        super("coupon-not-usable", "Benefit " + benefitId + " cannot be used: " + reason.name());
        this.reason = reason;
    }

    public Usability reason() {
        return reason;
    }
}

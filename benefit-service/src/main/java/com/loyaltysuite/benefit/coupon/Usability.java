package com.loyaltysuite.benefit.coupon;

/** Whether a benefit can be used on an order, and if not, why. */
public enum Usability {
    USABLE,
    /** No coupon has this code (or no benefit this id). */
    UNKNOWN_CODE,
    /** The coupon or benefit is another member's. */
    NOT_THIS_MEMBER,
    /** A frozen member redeems nothing until unfrozen. */
    MEMBER_FROZEN,
    /** The coupon was used, on another request. */
    ALREADY_USED,
    /** Withdrawn (the membership closed). */
    REVOKED,
    /** Not valid yet. */
    NOT_YET_VALID,
    /** Its validity has ended. */
    EXPIRED,
    /** A tier-exclusive coupon, or a standing benefit, of a tier the member no longer holds. */
    TIER_NO_LONGER_ENTITLED,
    /** The order's channel does not accept it. */
    CHANNEL_NOT_ALLOWED,
    /** The order is in another currency than the coupon. */
    CURRENCY_NOT_ACCEPTED,
    /** The order amount is below the coupon's minimum spend. */
    MIN_SPEND_NOT_MET;

    public boolean usable() {
        return this == USABLE;
    }
}

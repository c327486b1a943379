package com.loyaltysuite.benefit.catalogue;

/** What a member's closed membership ends. */
public enum OnClose {
    /** Standing benefits and every coupon not used yet. */
    REVOKE_ALL,
    /** Standing benefits only; issued coupons stay usable until they expire. */
    REVOKE_STANDING
}

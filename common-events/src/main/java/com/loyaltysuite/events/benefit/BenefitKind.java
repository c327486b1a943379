package com.loyaltysuite.events.benefit;

/** Kinds of benefit (权益) a member can hold. */
public enum BenefitKind {
    UPGRADE_GIFT,
    COUPON,
    FREE_SHIPPING,
    BIRTHDAY_GIFT
}

package com.loyaltysuite.events.benefit;

/**
 * Kinds of benefit (权益) a member can hold. Standing benefits ({@code MEMBER_PRICE}, {@code FREE_SHIPPING},
 * {@code PRIORITY_DELIVERY}, {@code SERVICE_LINE}) are held while the member's tier includes them; coupons
 * ({@code COUPON}, and those of the upgrade gift pack {@code UPGRADE_GIFT} and the birthday gift
 * {@code BIRTHDAY_GIFT}) carry a code and are used once. New kinds may be added within v1.
 */
public enum BenefitKind {
    UPGRADE_GIFT,
    COUPON,
    FREE_SHIPPING,
    BIRTHDAY_GIFT,
    MEMBER_PRICE,
    PRIORITY_DELIVERY,
    SERVICE_LINE
}

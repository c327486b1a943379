package com.loyaltysuite.events.member;

/**
 * What a consent to be contacted is for. {@code TRANSACTIONAL}: messages about the member's own account
 * (points, tier, checkout); {@code MARKETING}: promotions (营销触达). A consent without a purpose, as
 * published before purposes existed, is a {@code MARKETING} one.
 */
public enum ConsentPurpose {
    TRANSACTIONAL,
    MARKETING
}

package com.loyaltysuite.tier.policy;

/** What a member's tier is measured on. */
public enum QualifyingBasis {
    /** Qualifying spend: paid minus refunded, in the ladder's currency (from the order system's events). */
    SPEND,
    /** Earned points (成长值): points earned minus points reversed (from points-service's events). */
    POINTS
}

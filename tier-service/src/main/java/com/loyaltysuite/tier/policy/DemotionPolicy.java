package com.loyaltysuite.tier.policy;

/** Where a member who fails retention lands. */
public enum DemotionPolicy {
    /** One tier down, whatever the qualifying value (软着陆). */
    SOFT_LANDING,
    /** Straight to the tier the qualifying value reaches. */
    RECALCULATE
}

package com.loyaltysuite.events.tier;

/** Why a member's tier changed. */
public enum TierChangeReason {
    /** The qualifying value reached a higher tier's entry threshold. */
    QUALIFIED,
    /** At the end of validity the qualifying value fell short of the retention threshold. */
    RETENTION_FAILED,
    /** Support assigned a tier by hand. */
    MANUAL,
    /** A manual assignment ended and normal rules resumed. */
    MANUAL_ENDED
}

package com.loyaltysuite.tier.policy;

/** What a rule decided about the tier a member has earned. */
public enum DecisionKind {
    /** The qualifying value reached a higher tier's entry threshold. */
    PROMOTED,
    /** At the end of validity the retention threshold was met: a new validity period. */
    RETAINED,
    /** At the end of validity (and grace) the retention threshold was missed. */
    DEMOTED,
    /** The retention threshold was missed at the end of validity; the tier is held for the grace period. */
    GRACE_STARTED
}

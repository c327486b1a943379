package com.loyaltysuite.tier.membertier;

/** How a tier assigned by support relates to the tier the member earns. */
public enum ManualMode {
    /** The member holds at least the assigned tier and can still rise above it. */
    FLOOR,
    /** The member holds exactly the assigned tier while it is in force. */
    PIN
}

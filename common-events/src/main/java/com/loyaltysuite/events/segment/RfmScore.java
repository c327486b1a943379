package com.loyaltysuite.events.segment;

/** A member's score on one RFM dimension against the programme's threshold for it. */
public enum RfmScore {
    HIGH,
    LOW;

    public boolean isHigh() {
        return this == HIGH;
    }

    public static RfmScore high(boolean high) {
        return high ? HIGH : LOW;
    }
}

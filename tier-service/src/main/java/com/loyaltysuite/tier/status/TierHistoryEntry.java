package com.loyaltysuite.tier.status;

import com.loyaltysuite.events.tier.QualifyingValue;
import java.time.Instant;
import java.util.List;

/**
 * One decision about a member's tier ("why am I 银牌?"): what was decided ({@code kind}: PROMOTED,
 * RETAINED, DEMOTED, GRACE_STARTED, AT_RISK, MANUAL_ASSIGNED, MANUAL_ENDED), the qualifying value over
 * which window, under which policy version, and the ids of the events counted. Manual entries name
 * the operator and their reason ({@code note}).
 */
public record TierHistoryEntry(
        String kind,
        String fromTier,
        String toTier,
        QualifyingValue qualifyingValue,
        WindowView window,
        String policyVersion,
        Instant decidedAt,
        Instant validUntil,
        Instant graceEndsAt,
        List<String> causationIds,
        String operatorId,
        String manualMode,
        String note) {

    /** The qualifying window: {@code kind} ROLLING (from excluded) or CALENDAR_YEAR, to included. */
    public record WindowView(String kind, Instant from, Instant to) {}
}

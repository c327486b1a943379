package com.loyaltysuite.events.tier;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A member's current tier, as a state record rather than a change: the value of the compacted topic
 * {@code loyalty.member-tiers.v1}, where the latest record per member id is their tier now. Another
 * team builds a table of current tiers by reading that topic from the start, without replaying
 * history. Published by tier-service after every change of the member's tier or validity.
 *
 * @param manual true while a tier assigned by support is in force
 */
public record CurrentTier(
        MemberId memberId,
        String programId,
        String tier,
        Instant since,
        Instant validUntil,
        QualifyingValue qualifyingValue,
        boolean manual,
        String policyVersion,
        Instant updatedAt)
        implements IntegrationEvent {}

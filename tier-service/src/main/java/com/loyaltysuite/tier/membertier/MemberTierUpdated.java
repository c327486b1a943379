package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import java.time.Instant;

/**
 * Internal: the member's standing after a change — the tier in force ({@code tier}, since when and
 * until when), the manual tier if any, and the tier earned by the rules beneath it. Applied after
 * every change of tier or validity; published as {@code CurrentTier} on the compacted topic.
 * {@code updatedAt} is the business time of the change.
 */
public record MemberTierUpdated(
        MemberId memberId,
        String programId,
        String tier,
        Instant since,
        Instant validUntil,
        QualifyingValue qualifyingValue,
        ManualTier manual,
        String earnedTier,
        Instant earnedValidUntil,
        String policyVersion,
        Instant updatedAt) {}

package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import java.time.Instant;

/** Internal: before validity ends the member is short of retention by {@code gap} (保级提醒). */
public record TierAtRiskAssessed(
        MemberId memberId,
        String programId,
        String tier,
        Instant validUntil,
        QualifyingValue qualifyingValue,
        QualifyingValue retentionThreshold,
        QualifyingValue gap,
        String policyVersion,
        Instant assessedAt) {}

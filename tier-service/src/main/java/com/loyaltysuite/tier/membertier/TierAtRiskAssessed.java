package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.tier.policy.RiskAssessment;
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
        Instant assessedAt) {

    /** The warning of {@code risk}, with values in {@code unit}, under {@code policyVersion}. */
    static TierAtRiskAssessed of(
            MemberId memberId, String programId, RiskAssessment risk, String unit, String policyVersion, Instant at) {
        return new TierAtRiskAssessed(
                memberId,
                programId,
                risk.tier(),
                risk.validUntil(),
                new QualifyingValue(risk.qualifyingValue(), unit),
                new QualifyingValue(risk.retentionThreshold(), unit),
                new QualifyingValue(risk.gap(), unit),
                policyVersion,
                at);
    }
}

package com.loyaltysuite.tier.messaging;

import com.loyaltysuite.events.tier.CurrentTier;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import com.loyaltysuite.tier.membertier.MemberTierUpdated;
import com.loyaltysuite.tier.membertier.TierAtRiskAssessed;
import com.loyaltysuite.tier.membertier.TierInForceChanged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of a member tier's history other services see: each move of the tier in force as
 * {@code TierChanged} and each at-risk warning as {@code TierAtRisk} on {@code loyalty.tiers.v1}, and
 * each new standing as {@code CurrentTier} on the compacted {@code loyalty.member-tiers.v1} (the
 * relay picks the topic by contract type). Qualifying orders and decisions about the earned tier
 * that change nothing visible stay inside.
 */
@Configuration(proxyBeanMethods = false)
class TierEventMapper {

    @Bean
    IntegrationEventMapper tierContractMappings() {
        return mappings();
    }

    static IntegrationEventMappings mappings() {
        return IntegrationEventMappings.builder()
                .map(TierInForceChanged.class, TierEventMapper::tierChanged)
                .map(MemberTierUpdated.class, TierEventMapper::currentTier)
                .map(TierAtRiskAssessed.class, TierEventMapper::tierAtRisk)
                .build();
    }

    private static TierChanged tierChanged(TierInForceChanged e) {
        return new TierChanged(
                e.memberId(),
                e.programId(),
                e.fromTier(),
                e.toTier(),
                e.reason(),
                e.qualifyingValue(),
                e.policyVersion(),
                e.effectiveAt(),
                e.validUntil(),
                e.causationIds(),
                e.toRegain());
    }

    private static CurrentTier currentTier(MemberTierUpdated e) {
        return new CurrentTier(
                e.memberId(),
                e.programId(),
                e.tier(),
                e.since(),
                e.validUntil(),
                e.qualifyingValue(),
                e.manual() != null,
                e.policyVersion(),
                e.updatedAt());
    }

    private static TierAtRisk tierAtRisk(TierAtRiskAssessed e) {
        return new TierAtRisk(
                e.memberId(),
                e.programId(),
                e.tier(),
                e.validUntil(),
                e.qualifyingValue(),
                e.retentionThreshold(),
                e.gap(),
                e.policyVersion(),
                e.assessedAt());
    }
}

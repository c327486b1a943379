package com.loyaltysuite.benefit.messaging;

import com.loyaltysuite.benefit.grant.UpgradeGiftGranted;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What of members' benefits other services see on {@code loyalty.benefits.v1}. */
@Configuration(proxyBeanMethods = false)
class BenefitEventMapper {

    @Bean
    IntegrationEventMappings benefitEvents() {
        return IntegrationEventMappings.builder()
                .map(UpgradeGiftGranted.class, e -> new BenefitGranted(
                        e.memberId(),
                        e.programId(),
                        e.benefitId(),
                        e.benefitCode(),
                        e.kind(),
                        e.tier(),
                        e.description(),
                        e.grantedAt(),
                        e.validUntil(),
                        e.causationId()))
                .build();
    }
}

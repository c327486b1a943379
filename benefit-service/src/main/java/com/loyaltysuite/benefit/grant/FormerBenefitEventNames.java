package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.support.persistence.RenamedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The former class names of the benefit events in the event store. {@code BenefitGranted} shared its
 * simple name with the contract event it is published as; the line stays for as long as events stored
 * under it exist (ADR 6).
 */
@Configuration(proxyBeanMethods = false)
class FormerBenefitEventNames {

    @Bean
    RenamedEvents renamedBenefitEvents() {
        return RenamedEvents.builder()
                .renamed("com.loyaltysuite.benefit.grant.BenefitGranted", UpgradeGiftGranted.class)
                .build();
    }
}

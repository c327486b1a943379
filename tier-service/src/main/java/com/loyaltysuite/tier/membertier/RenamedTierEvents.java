package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.support.persistence.RenamedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The former class names of member-tier events still in the event store: each is read as the class
 * that stands for it now. A line stays for as long as events stored under its old name exist (that
 * is, for good: the store is never rewritten).
 */
@Configuration(proxyBeanMethods = false)
class RenamedTierEvents {

    @Bean
    RenamedEvents formerEventNames() {
        return renames();
    }

    static RenamedEvents renames() {
        return RenamedEvents.builder()
                // It shared its simple name with the contract it is published as.
                .renamed("com.loyaltysuite.tier.membertier.TierChanged", TierInForceChanged.class)
                .build();
    }
}

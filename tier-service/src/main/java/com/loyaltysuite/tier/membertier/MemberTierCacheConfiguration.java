package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.support.aggregates.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bounded cache named by {@link MemberTier}'s {@code @Aggregate}: member tiers stay in memory between commands. */
@Configuration(proxyBeanMethods = false)
class MemberTierCacheConfiguration {

    @Bean
    Cache memberTierCache(AggregateCaches caches) {
        return caches.create(MemberTier.class);
    }
}

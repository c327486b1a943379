package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.support.aggregates.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bounded cache named by {@link MemberBenefits}'s {@code @Aggregate}: members' benefits stay in memory between commands. */
@Configuration(proxyBeanMethods = false)
class MemberBenefitsCacheConfiguration {

    @Bean
    Cache memberBenefitsCache(AggregateCaches caches) {
        return caches.create(MemberBenefits.class);
    }
}

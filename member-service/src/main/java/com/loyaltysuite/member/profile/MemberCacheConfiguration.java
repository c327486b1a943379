package com.loyaltysuite.member.profile;

import com.loyaltysuite.support.aggregates.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bounded cache named by {@link Member}'s {@code @Aggregate}: members stay in memory between commands. */
@Configuration(proxyBeanMethods = false)
class MemberCacheConfiguration {

    @Bean
    Cache memberCache(AggregateCaches caches) {
        return caches.create(Member.class);
    }
}

package com.loyaltysuite.points.account;

import com.loyaltysuite.support.aggregates.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bounded cache named by {@link PointsAccount}'s {@code @Aggregate}: accounts stay in memory between commands. */
@Configuration(proxyBeanMethods = false)
class PointsAccountCacheConfiguration {

    @Bean
    Cache pointsAccountCache(AggregateCaches caches) {
        return caches.create(PointsAccount.class);
    }
}

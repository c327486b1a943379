package com.loyaltysuite.member.segments;

import com.loyaltysuite.support.aggregates.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The RFM policy from {@code loyalty.segments.*}, and the bounded cache of {@link MemberSegment}s. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SegmentProperties.class)
class SegmentConfiguration {

    @Bean
    RfmPolicy rfmPolicy(SegmentProperties properties) {
        return RfmPolicy.of(properties);
    }

    @Bean
    Cache memberSegmentCache(AggregateCaches caches) {
        return caches.create(MemberSegment.class);
    }
}

package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.support.aggregates.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The anomaly rules from {@code loyalty.anomalies.*}, and the bounded cache of {@link PaymentMonitor}s. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnomalyProperties.class)
class AnomalyConfiguration {

    @Bean
    AnomalyRules anomalyRules(AnomalyProperties properties) {
        return AnomalyRules.of(properties);
    }

    @Bean
    Cache paymentMonitorCache(AggregateCaches caches) {
        return caches.create(PaymentMonitor.class);
    }
}

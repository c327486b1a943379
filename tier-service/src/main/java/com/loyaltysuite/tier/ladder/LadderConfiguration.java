package com.loyaltysuite.tier.ladder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the ladder from configuration once, at start-up: a broken ladder stops the service there. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LadderProperties.class)
class LadderConfiguration {

    @Bean
    TierLadder tierLadder(LadderProperties properties) {
        return new TierLadder(
                properties.policyVersion(), properties.currency(), properties.validity(), properties.tiers());
    }
}

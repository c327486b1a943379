package com.loyaltysuite.tier.policy;

import com.loyaltysuite.tier.ladder.LadderProperties;
import com.loyaltysuite.tier.ladder.TierLadder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the ladder and the rules from configuration once, at start-up: broken rules stop the service there. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LadderProperties.class, TierPolicyProperties.class})
class TierPolicyConfiguration {

    @Bean
    TierLadder tierLadder(LadderProperties ladder, TierPolicyProperties rules) {
        String unit = rules.basis() == QualifyingBasis.POINTS ? TierLadder.POINTS : ladder.currency();
        return new TierLadder(ladder.policyVersion(), unit, ladder.validity(), ladder.toTiers());
    }

    @Bean
    TierPolicy tierPolicy(TierLadder ladder, TierPolicyProperties rules) {
        return new TierPolicy(
                ladder,
                rules.basis(),
                rules.window(),
                rules.demotion().policy(),
                rules.demotion().gracePeriod(),
                rules.atRiskNotice());
    }
}

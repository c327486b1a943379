package com.loyaltysuite.tier.policy;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tier rules beside the ladder ({@code loyalty.tier.ladder}), as configured.
 *
 * @param basis what is counted: {@code SPEND} (default) or {@code POINTS}
 * @param window the qualifying window: {@code kind} ROLLING (default) or CALENDAR_YEAR, {@code length} (P12M)
 * @param demotion {@code policy} SOFT_LANDING (default) or RECALCULATE, {@code grace-period} (P0D)
 * @param atRiskNotice how long before validity ends a member short of retention is warned (P30D)
 */
@ConfigurationProperties("loyalty.tier")
public record TierPolicyProperties(
        QualifyingBasis basis, QualifyingWindow window, Demotion demotion, Duration atRiskNotice) {

    public TierPolicyProperties {
        basis = basis == null ? QualifyingBasis.SPEND : basis;
        window = window == null ? QualifyingWindow.rolling12Months() : window;
        demotion = demotion == null ? new Demotion(null, null) : demotion;
        atRiskNotice = atRiskNotice == null ? Duration.ofDays(30) : atRiskNotice;
    }

    public record Demotion(DemotionPolicy policy, Period gracePeriod) {

        public Demotion {
            policy = policy == null ? DemotionPolicy.SOFT_LANDING : policy;
            gracePeriod = gracePeriod == null ? Period.ZERO : gracePeriod;
        }
    }
}

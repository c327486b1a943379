package com.loyaltysuite.points.earning;

import com.loyaltysuite.events.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Points for a paid amount: whole currency units (floored) times the rate. Plain Java, no I/O. */
@Component
@EnableConfigurationProperties(EarningProperties.class)
public class EarningPolicy {

    private final EarningProperties rules;

    public EarningPolicy(EarningProperties rules) {
        this.rules = rules;
    }

    public EarningDecision decide(Money paid, String tier) {
        if (!paid.isCurrency(rules.currency())) {
            throw new UnsupportedCurrencyException(paid.currency(), rules.currency());
        }
        long wholeUnits = paid.value().setScale(0, RoundingMode.FLOOR).longValueExact();
        long points = Math.max(0, wholeUnits) * rules.pointsPerUnit();
        return new EarningDecision(points, points, BigDecimal.ONE.setScale(1), tier, rules.ruleVersion());
    }

    public Duration pendingPeriod() {
        return rules.pendingPeriod();
    }
}

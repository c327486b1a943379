package com.loyaltysuite.points.expiry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The expiry instant of a lot, decided once when it is earned and recorded on its event, so a change
 * of policy never moves the expiry of points already earned. Plain Java, no I/O.
 */
@Component
@EnableConfigurationProperties(ExpiryProperties.class)
public class ExpiryPolicy {

    private final ExpiryProperties rules;

    public ExpiryPolicy(ExpiryProperties rules) {
        this.rules = rules;
    }

    public Instant expiresAt(Instant earnedAt) {
        var local = earnedAt.atZone(rules.zone());
        return switch (rules.policy()) {
            case ROLLING -> local.plusMonths(rules.months()).toInstant();
            case END_OF_FOLLOWING_YEAR -> LocalDate.of(local.getYear() + 2, 1, 1)
                    .atStartOfDay(rules.zone())
                    .toInstant();
        };
    }

    public Duration warnBefore() {
        return rules.warnBefore();
    }
}

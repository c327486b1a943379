package com.loyaltysuite.notification.messaging;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;

/**
 * At most so many events a period taken from Kafka ({@code loyalty.notification.intake-per-second}; 0
 * or less: no limit). The consumer waits for the events of a poll before applying it, so those beyond
 * the limit wait in Kafka, where their lag shows on the board, instead of taking CPU from points and
 * tiers on a machine they share.
 */
final class IntakeLimit {

    private final RateLimiter limiter;

    private IntakeLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    static IntakeLimit of(RateLimiterRegistry registry, int perPeriod, Duration period) {
        if (perPeriod <= 0) {
            return new IntakeLimit(null);
        }
        return new IntakeLimit(registry.rateLimiter("notification-intake", RateLimiterConfig.custom()
                .limitForPeriod(perPeriod)
                .limitRefreshPeriod(period)
                // well inside max.poll.interval.ms (5 min): a poll of 100 never waits this long
                .timeoutDuration(Duration.ofMinutes(1))
                .build()));
    }

    /** Waits until {@code events} more may be taken. */
    void take(int events) {
        if (limiter == null) {
            return;
        }
        for (int i = 0; i < events; i++) {
            RateLimiter.waitForPermission(limiter);
        }
    }
}

package com.loyaltysuite.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntakeLimitTest {

    @Test
    void takesNoMoreThanTheLimitAPeriod() {
        RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
        IntakeLimit limit = IntakeLimit.of(registry, 10, Duration.ofMillis(100));

        long start = System.nanoTime();
        limit.take(35);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // 35 events at 10 a period need the first period and three more refreshes.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(200);
        assertThat(registry.getAllRateLimiters()).singleElement()
                .satisfies(limiter -> assertThat(limiter.getRateLimiterConfig().getLimitForPeriod()).isEqualTo(10));
    }

    @Test
    void noLimitTakesEverythingAtOnce() {
        RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
        IntakeLimit limit = IntakeLimit.of(registry, 0, Duration.ofSeconds(1));

        limit.take(100_000);

        assertThat(registry.getAllRateLimiters()).isEmpty();
    }
}

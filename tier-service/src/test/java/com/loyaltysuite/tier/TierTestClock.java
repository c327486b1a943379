package com.loyaltysuite.tier;

import com.loyaltysuite.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One clock for every tier-service IT (one shared Spring context), which tests only move forward:
 * a test that lets a year pass takes every earlier test's members with it, so each test takes its
 * business times from {@link #recentPast(MutableClock)} rather than from fixed dates.
 */
@TestConfiguration
public class TierTestClock {

    static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    @Bean
    @Primary
    public MutableClock movableClock() {
        return new MutableClock(START);
    }

    /** A paid time one day before the clock, to the second: inside every window ending now. */
    public static Instant recentPast(MutableClock clock) {
        return clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }
}

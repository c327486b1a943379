package com.loyaltysuite.points;

import com.loyaltysuite.testsupport.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One clock for every integration test of the service (one shared application context): it starts
 * at {@link #START} and only ever moves forward, so tests that move it cannot undo each other.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PointsTestClock {

    public static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    @Bean
    @Primary
    MutableClock pointsClock() {
        return new MutableClock(START);
    }
}

package com.loyaltysuite.member;

import com.loyaltysuite.testsupport.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One clock for every integration test of the service (one shared application context): it starts
 * at {@link #START} and only ever moves forward, so tests that move it cannot undo each other. Tests
 * take business times relative to it, never fixed dates.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MemberTestClock {

    public static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    @Bean
    @Primary
    public MutableClock memberClock() {
        return new MutableClock(START);
    }
}

package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    QuietHours quiet = new QuietHours(null, null);
    MutableClock clock = new MutableClock(Instant.parse("2026-12-05T13:59:00Z")); // 21:59 in Shanghai

    @Test
    void marketingWaitsFrom22To08InTheMembersZone() {
        assertThat(quiet.waitUntil(Purpose.MARKETING, clock.instant(), SHANGHAI)).isNull();

        clock.advance(Duration.ofMinutes(1)); // 22:00
        assertThat(quiet.waitUntil(Purpose.MARKETING, clock.instant(), SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-06T00:00:00Z")); // 08:00 the next morning
        clock.advance(Duration.ofHours(4)); // 02:00
        assertThat(quiet.waitUntil(Purpose.MARKETING, clock.instant(), SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        clock.advance(Duration.ofHours(6)); // 08:00
        assertThat(quiet.waitUntil(Purpose.MARKETING, clock.instant(), SHANGHAI)).isNull();
    }

    @Test
    void transactionalMessagesNeverWait() {
        clock.advance(Duration.ofHours(3)); // 00:59
        assertThat(quiet.waitUntil(Purpose.TRANSACTIONAL, clock.instant(), SHANGHAI)).isNull();
    }

    @Test
    void theMembersZoneDecides() {
        // 22:30 in Shanghai is 15:30 in Berlin.
        Instant at = Instant.parse("2026-12-05T14:30:00Z");
        assertThat(quiet.waitUntil(Purpose.MARKETING, at, SHANGHAI)).isNotNull();
        assertThat(quiet.waitUntil(Purpose.MARKETING, at, ZoneId.of("Europe/Berlin"))).isNull();
    }
}

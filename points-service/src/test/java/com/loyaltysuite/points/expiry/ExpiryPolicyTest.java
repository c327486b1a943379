package com.loyaltysuite.points.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryPolicyTest {

    @ParameterizedTest
    @CsvSource({
        "2026-11-23T10:00:00Z, 2027-11-23T10:00:00Z",
        "2028-02-29T02:00:00Z, 2029-02-28T02:00:00Z", // no 29 Feb in 2029: the last day of the month
        "2026-01-31T02:00:00Z, 2027-01-31T02:00:00Z"
    })
    void rollingPointsExpireTwelveMonthsAfterEarning(String earnedAt, String expiresAt) {
        var policy = new ExpiryPolicy(ExpiryProperties.defaults());

        assertThat(policy.expiresAt(Instant.parse(earnedAt))).isEqualTo(Instant.parse(expiresAt));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-01T00:00:00Z, 2027-12-31T16:00:00Z",
        "2026-12-31T15:59:59Z, 2027-12-31T16:00:00Z",
        // already 2027 in Shanghai: the year of earning is 2027
        "2026-12-31T16:00:00Z, 2028-12-31T16:00:00Z"
    })
    void yearEndPointsExpireAtTheEndOfTheFollowingYearInTheProgrammesZone(String earnedAt, String expiresAt) {
        var policy = new ExpiryPolicy(new ExpiryProperties(
                ExpiryProperties.Policy.END_OF_FOLLOWING_YEAR, null, ZoneId.of("Asia/Shanghai"), Duration.ofDays(30)));

        assertThat(policy.expiresAt(Instant.parse(earnedAt))).isEqualTo(Instant.parse(expiresAt));
    }
}

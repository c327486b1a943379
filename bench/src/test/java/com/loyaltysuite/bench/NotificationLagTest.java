package com.loyaltysuite.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class NotificationLagTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void readsTheSmsFiguresOfAPrometheusScrape() {
        String scrape = """
                # HELP loyalty_notification_deliveries_total Messages settled
                # TYPE loyalty_notification_deliveries_total counter
                loyalty_notification_deliveries_total{application="notification-service",channel="SMS",status="SENT",template="transaction"} 120.0
                loyalty_notification_deliveries_total{application="notification-service",channel="SMS",status="SENT",template="points-reversed"} 5.0
                loyalty_notification_deliveries_total{application="notification-service",channel="SMS",status="FAILED",template="transaction"} 2.0
                loyalty_notification_deliveries_total{application="notification-service",channel="EMAIL",status="SENT",template="tier-changed"} 9.0
                loyalty_notification_deliveries_oldest_waiting_seconds{application="notification-service",channel="EMAIL"} 30.0
                loyalty_notification_deliveries_oldest_waiting_seconds{application="notification-service",channel="SMS"} 4.5
                """;

        NotificationLag.Sample sample = NotificationLag.parse(7, scrape, 12, 900);

        assertThat(sample.sent()).isEqualTo(125.0);
        assertThat(sample.failed()).isEqualTo(2.0);
        assertThat(sample.oldestWaitingSeconds()).isEqualTo(4.5);
        assertThat(sample.atNanos()).isEqualTo(7);
        assertThat(sample.consumerLag()).isEqualTo(12);
        assertThat(sample.records()).isEqualTo(900);
    }

    @Test
    void anSmsChannelThatKeepsUpIsBounded() {
        List<NotificationLag.Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            samples.add(new NotificationLag.Sample(s * SECOND, 250.0 * s, 0, s % 2 == 0 ? 0.4 : 1.1, s % 2 == 0 ? 20 : 300, 400L * s));
        }

        NotificationLag.Verdict verdict = NotificationLag.judge(samples, 0, 60, 1000);

        assertThat(verdict.kind()).isEqualTo("bounded");
        assertThat(verdict.sentPerSecond()).isCloseTo(250.0, Offset.offset(0.01));
        assertThat(verdict.oldestWaitingMaxSeconds()).isEqualTo(1.1);
        assertThat(verdict.consumerLagMax()).isEqualTo(300);
    }

    @Test
    void aBacklogGrowingWhileTheChannelSendsAtItsQuotaIsRateLimitedAsConfigured() {
        List<NotificationLag.Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            // 250 orders/s, 100 SMS/s: the oldest waits 1.5 s longer every second.
            samples.add(new NotificationLag.Sample(s * SECOND, 100.0 * s, 0, 1.5 * s, 150, 400L * s));
        }

        NotificationLag.Verdict verdict = NotificationLag.judge(samples, 0, 60, 100);

        assertThat(verdict.kind()).isEqualTo("rate-limited");
        assertThat(verdict.ageSlope()).isCloseTo(1.5, Offset.offset(0.001));
        assertThat(verdict.oldestWaitingAtEndSeconds()).isEqualTo(90.0);
    }

    @Test
    void aGrowingBacklogUnderTheQuotaIsBehind() {
        List<NotificationLag.Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            samples.add(new NotificationLag.Sample(s * SECOND, 40.0 * s, 0, 2.0 * s, 100, 400L * s));
        }

        NotificationLag.Verdict verdict = NotificationLag.judge(samples, 0, 60, 100);

        assertThat(verdict.kind()).isEqualTo("behind");
        assertThat(verdict.reason()).startsWith("BEHIND");
    }

    @Test
    void aConsumerFallingBehindIsBehindEvenWhileTheChannelSendsAtItsQuota() {
        List<NotificationLag.Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            // The table never fills: the SMS go out at once, but the events pile up in Kafka.
            samples.add(new NotificationLag.Sample(s * SECOND, 100.0 * s, 0, 0.5, 150L * s, 400L * s));
        }

        NotificationLag.Verdict verdict = NotificationLag.judge(samples, 0, 60, 100);

        assertThat(verdict.kind()).isEqualTo("behind");
        assertThat(verdict.consumer().flat()).isFalse();
        assertThat(verdict.reason()).contains("fell behind");
    }

    @Test
    void smsMembersHaveValidDistinctMainlandMobiles() {
        assertThat(SmsMembers.mobile(123_456_789L, 7)).isEqualTo("+8613978900007").hasSize(14);
        assertThat(SmsMembers.mobile(123_456_789L, 8)).isNotEqualTo(SmsMembers.mobile(123_456_789L, 7));
        assertThat(SmsMembers.registration("abc123", 1L, 3))
                .contains("\"memberId\":\"M-abc123-3\"")
                .contains("\"consents\":{\"sms\":true,\"email\":false}");
        assertThatThrownBy(() -> SmsMembers.mobile(1L, 100_000)).isInstanceOf(IllegalArgumentException.class);
    }
}

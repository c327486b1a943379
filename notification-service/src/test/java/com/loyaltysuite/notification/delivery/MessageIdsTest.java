package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.notification.channel.ResilienceSettings;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void anEventAndChannelAlwaysGiveTheSameVersion5Id() {
        String id = MessageIds.of("evt-1", Channel.SMS, "transaction");

        assertThat(MessageIds.of("evt-1", Channel.SMS, "transaction")).isEqualTo(id);
        assertThat(MessageIds.of("evt-1", Channel.EMAIL, "transaction")).isNotEqualTo(id);
        assertThat(MessageIds.of("evt-2", Channel.SMS, "transaction")).isNotEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(5);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
    }

    @Test
    void matchesTheRfc4122NameBasedAlgorithm() {
        // RFC 4122 appendix B's DNS namespace and "www.example.com", as Python's uuid.uuid5 gives it.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(MessageIds.v5(dns, "www.example.com")).hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    @Test
    void backOffDoublesUpToItsMaximumWithJitter() {
        ResilienceSettings settings = new ResilienceSettings(
                null, null, null, null, null, null, null, Duration.ofSeconds(5), Duration.ofMinutes(5), null);

        assertThat(settings.backoff(1, 1.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.backoff(3, 1.0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backoff(30, 1.0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.backoff(30, 0.5)).isEqualTo(Duration.ofMillis(225_000));
    }
}

package com.loyaltysuite.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.testsupport.MutableClock;
import com.loyaltysuite.testsupport.ServicePublisher;
import com.loyaltysuite.testsupport.SharedKafka;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An email waiting for a contact that never comes is skipped when the wait ends. Its own context with
 * a clock the test moves, closed afterwards: its timer poller, which reads the moved clock, must not
 * outlive this class and skip the waiting deliveries of other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(ContactWaitExpiryIT.MovableClock.class)
@DirtiesContext
class ContactWaitExpiryIT {

    static ServicePublisher producer;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void connect() {
        producer = new ServicePublisher(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void aDeliveryWithoutAContactWithinTheWaitIsSkipped() {
        String member = "M-" + UUID.randomUUID();
        String eventId = producer.publish("/loyalty/tier-service", new TierChanged(
                MemberId.of(member),
                "default",
                "MEMBER",
                "SILVER",
                TierChangeReason.QUALIFIED,
                new QualifyingValue(new BigDecimal("599.00"), "CNY"),
                "ladder-v1",
                Instant.parse("2026-11-23T10:00:00Z"),
                Instant.parse("2027-11-23T10:00:00Z"),
                List.of(UUID.randomUUID().toString())));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(deliveries(member))
                        .singleElement()
                        .satisfies(entry -> assertThat(entry).containsEntry("status", "WAITING_FOR_CONTACT")));

        clock.advance(Duration.ofDays(8));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deliveries(member))
                        .singleElement()
                        .satisfies(entry -> assertThat(entry)
                                .containsEntry("status", "SKIPPED")
                                .containsEntry("reason", "no contact known within P7D")
                                .containsEntry("causationId", eventId)
                                .containsEntry("recipient", null)));
    }

    private List<Map<String, Object>> deliveries(String member) {
        return http.exchange(
                        "/members/{id}/notifications",
                        HttpMethod.GET,
                        null,
                        new ParameterizedTypeReference<List<Map<String, Object>>>() {},
                        member)
                .getBody();
    }

    /**
     * Starts at the module's shifted clock, which the other test class's context uses (and may have
     * driven days ahead): if still running, that context may be the one that consumes the event and
     * parks it; moving this clock 8 days on covers both.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        MutableClock movableClock() {
            Instant shifted = ShiftedClock.INSTANCE.instant();
            return new MutableClock(shifted.isAfter(Instant.now()) ? shifted : Instant.now());
        }
    }
}

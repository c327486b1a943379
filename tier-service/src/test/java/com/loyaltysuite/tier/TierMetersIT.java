package com.loyaltysuite.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.testsupport.MutableClock;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedKafka;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;

/** loyalty.tier.changes, driven as the order system drives the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(TierTestClock.class)
class TierMetersIT {

    static OrderSystem orders;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeAll
    static void connect() {
        orders = new OrderSystem(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        orders.close();
    }

    @Test
    void aPromotionToSilverCountsOneUpToSilverAndItsRedeliveryNothing() {
        String member = "M-" + UUID.randomUUID();
        Instant paidAt = TierTestClock.recentPast(clock);
        String eventId = UUID.randomUUID().toString();
        double before = upToSilver();

        orders.orderPaid(eventId, member, "O-1-" + member, "599.00", paidAt);
        orders.orderPaid(eventId, member, "O-1-" + member, "599.00", paidAt); // redelivered
        orders.orderPaid(member, "O-2-" + member, "1.00", paidAt); // a marker behind them, same partition

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var response = http.getForEntity("/members/{id}/tier", Map.class, member);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody())
                    .containsEntry("tier", "SILVER")
                    .containsEntry("qualifyingValue", Map.of("value", "600.00", "unit", "CNY"));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> upToSilver() >= before + 1);
        assertThat(upToSilver()).isEqualTo(before + 1);
        assertThat(processing.eventProcessor("tier-meters", SubscribingEventProcessor.class)).isPresent();
    }

    private double upToSilver() {
        Counter counter = meters.find("loyalty.tier.changes")
                .tags("direction", "up", "tier", "SILVER")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}

package com.loyaltysuite.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** The business meters, driven as the order system drives the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(PointsTestClock.class)
class PointsMetersIT {

    static OrderSystem orders;

    @Autowired
    TestRestTemplate http;

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
    void anOrderEarning599PointsMovesTheCounterBy599AndItsRedeliveryMovesNothing() {
        String member = "M-" + UUID.randomUUID();
        Instant paidAt = Instant.parse("2026-11-23T10:00:00Z");
        String eventId = UUID.randomUUID().toString();
        double before = earned();

        orders.orderPaid(eventId, member, "O-1-" + member, "599.50", paidAt);
        orders.orderPaid(eventId, member, "O-1-" + member, "599.50", paidAt); // redelivered
        orders.orderPaid(member, "O-2-" + member, "1.00", paidAt); // a marker behind them, same partition

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var response = http.getForEntity("/members/{id}/points", Map.class, member);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(((Number) response.getBody().get("balance")).longValue()).isEqualTo(600);
        });
        // counted after the commit, so a moment after the balance may show it
        await().atMost(Duration.ofSeconds(10)).until(() -> earned() >= before + 600);
        assertThat(earned()).isEqualTo(before + 600);
    }

    @Test
    void theMetersNeverSeeAReplay() {
        // A subscribing processor handles events as they are appended; only tracking ones replay.
        assertThat(processing.eventProcessor("points-meters", SubscribingEventProcessor.class)).isPresent();
    }

    private double earned() {
        Counter counter = meters.find("loyalty.points.earned").counter();
        return counter == null ? 0 : counter.count();
    }
}

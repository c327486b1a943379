package com.loyaltysuite.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;

/** points-service against the embedded KRaft broker and PostgreSQL, fed as the order system feeds it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(PointsTestClock.class)
class PointsServiceIT {

    static OrderSystem orders;

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void connect() {
        orders = new OrderSystem(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        orders.close();
    }

    @Test
    void aPaidOrderEarnsPointsAndPublishesPointsEarned() {
        String member = newMember();
        String eventId = orders.orderPaid(member, "O-" + member, "599.50", Instant.parse("2026-11-23T10:00:00Z"));

        awaitBalance(member, 599);

        try (TopicReader points = new TopicReader(SharedKafka.bootstrapServers(), Topics.POINTS)) {
            var records = points.awaitRecords(TopicReader.keyed(member));
            EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(records.get(0));
            assertThat(envelope.source().toString()).isEqualTo("/loyalty/points-service");
            assertThat(envelope.data()).isInstanceOfSatisfying(PointsEarned.class, earned -> {
                assertThat(earned.points()).isEqualTo(599);
                assertThat(earned.causationId()).isEqualTo(eventId);
                assertThat(earned.availableAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
            });
        }
    }

    @Test
    void theSameEventTwiceAndTheSameOrderReSentCountOnce() {
        String member = newMember();
        Instant paidAt = Instant.parse("2026-11-23T10:00:00Z");
        String eventId = UUID.randomUUID().toString();
        orders.orderPaid(eventId, member, "O-1-" + member, "100.00", paidAt);
        orders.orderPaid(eventId, member, "O-1-" + member, "100.00", paidAt); // redelivered
        orders.orderPaid(member, "O-1-" + member, "100.00", paidAt); // re-sent with a new id
        orders.orderPaid(member, "O-2-" + member, "50.00", paidAt); // a marker behind them

        awaitBalance(member, 150);

        // Only PointsEarned counts here: other tests move the shared clock, so PointsAvailable may follow.
        var earned = TopicReader.keyed(member).and(r -> "PointsEarned".equals(ceType(r)));
        try (TopicReader points = new TopicReader(SharedKafka.bootstrapServers(), Topics.POINTS)) {
            assertThat(points.awaitRecords(earned)).hasSizeLessThanOrEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> points.matching(earned).size() == 2);
            points.matching(earned).forEach(CloudEventCodec::fromRecord);
        }
        assertThat(http.getForObject("/members/{id}/points", Map.class, member)).containsEntry("balance", 150);
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonAndTheStreamGoesOn() {
        String member = newMember();
        Instant paidAt = Instant.parse("2026-11-23T10:00:00Z");
        orders.raw(Topics.ORDER_PAID, member, OrderSystem.headers("bad-" + member, "OrderPaid", member, paidAt),
                "{\"orderId\":\"O-x\",\"memberId\":\"".concat(member).concat("\",\"amount\":599.0}").getBytes(StandardCharsets.UTF_8));
        orders.raw(Topics.ORDER_PAID, member, Map.of(), "not a cloud event".getBytes(StandardCharsets.UTF_8));
        orders.orderPaid(member, "O-usd-" + member, "10.00", paidAt); // valid CNY order behind the poison

        awaitBalance(member, 10);

        try (TopicReader dlt = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ORDER_PAID))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> dlt.matching(TopicReader.keyed(member)).size() == 2);
            List<String> reasons = dlt.matching(TopicReader.keyed(member)).stream()
                    .map(r -> new String(r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .toList();
            assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("$.amount"));
            assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("Not a CloudEvents 1.0 record"));
        }
    }

    @Test
    void anOrderInAnUnsupportedCurrencyIsDeadLettered() {
        String member = newMember();
        String json = "{\"orderId\":\"O-usd\",\"memberId\":\"" + member
                + "\",\"amount\":{\"value\":\"10.00\",\"currency\":\"USD\"},\"paidAt\":\"2026-11-23T10:00:00Z\"}";
        orders.send(Topics.ORDER_PAID, UUID.randomUUID().toString(), "OrderPaid", member, Instant.now(), json);

        try (TopicReader dlt = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ORDER_PAID))) {
            var record = dlt.awaitRecords(TopicReader.keyed(member)).get(0);
            assertThat(new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("Orders in USD earn no points");
        }
        assertThat(http.getForEntity("/members/{id}/points", String.class, member).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnknownMemberIsA404ProblemBody() {
        var response = http.getForEntity("/members/{id}/points", Map.class, newMember());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody()).containsEntry("code", "points-account-not-found").containsKey("traceId");
    }

    @Test
    void anUnknownPathIsAProblemBodyToo() {
        var response = http.getForEntity("/no-such-path", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("code", "http-404").containsKey("traceId");
    }

    @Test
    void exposesHealthAndPrometheusMetrics() {
        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics)
                .contains("application=\"points-service\"")
                .contains("loyalty_events_consumed_total")
                // each processor's state and lag, the relay's included
                .contains("loyalty_processor_running{application=\"points-service\",processor=\"kafka-relay\"} 1.0")
                .containsPattern("loyalty_processor_lag\\{application=\"points-service\",processor=\"points-ledger\"} [0-9.]+")
                .contains("loyalty_events_relay_lag_seconds_count");
    }

    private void awaitBalance(String member, long expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var response = http.getForEntity("/members/{id}/points", Map.class, member);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(((Number) response.getBody().get("balance")).longValue()).isEqualTo(expected);
        });
    }

    private static String ceType(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}

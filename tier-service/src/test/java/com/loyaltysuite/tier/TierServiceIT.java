package com.loyaltysuite.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TopicReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** tier-service against the embedded KRaft broker and PostgreSQL, fed as the order system feeds it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class TierServiceIT {

    static final Instant PAID_AT = Instant.parse("2026-11-23T10:00:00Z");

    static OrderSystem orders;

    @Autowired
    TestRestTemplate http;

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
    void reachingSilverPromotesTheMemberAndTellsOtherTeams() {
        String member = newMember();
        String eventId = orders.orderPaid(member, "O-" + member, "599.00", PAID_AT);

        Map<String, Object> tier = awaitTier(member, "SILVER");
        assertThat(tier)
                .containsEntry("memberId", member)
                .containsEntry("tierName", "银牌")
                .containsEntry("since", "2026-11-23T10:00:00Z")
                .containsEntry("validUntil", "2027-11-23T10:00:00Z")
                .containsEntry("qualifyingValue", Map.of("value", "599.00", "currency", "CNY"))
                .containsEntry("nextTier", "GOLD")
                .containsEntry("neededForNextTier", Map.of("value", "1401.00", "currency", "CNY"));

        TierChanged changed = onlyTierChangeOf(member);
        assertThat(changed.fromTier()).isEqualTo("MEMBER");
        assertThat(changed.toTier()).isEqualTo("SILVER");
        assertThat(changed.reason()).isEqualTo(TierChangeReason.QUALIFIED);
        assertThat(changed.programId()).isEqualTo("default");
        assertThat(changed.qualifyingValue().value()).isEqualByComparingTo("599.00");
        assertThat(changed.qualifyingValue().unit()).isEqualTo("CNY");
        assertThat(changed.policyVersion()).isEqualTo("ladder-v1");
        assertThat(changed.effectiveAt()).isEqualTo(PAID_AT);
        assertThat(changed.validUntil()).isEqualTo(Instant.parse("2027-11-23T10:00:00Z"));
        assertThat(changed.causationIds()).containsExactly(eventId);
    }

    @Test
    void skippingTiersIsOneTierChangedStraightToDiamond() {
        String member = newMember();
        String first = orders.orderPaid(member, "O-1-" + member, "300.00", PAID_AT);
        String second = orders.orderPaid(member, "O-2-" + member, "5700.00", PAID_AT.plus(Duration.ofHours(2)));

        Map<String, Object> tier = awaitTier(member, "DIAMOND");
        assertThat(tier)
                .containsEntry("tierName", "钻石")
                .containsEntry("nextTier", "ACADEMICIAN")
                .containsEntry("neededForNextTier", Map.of("value", "4000.00", "currency", "CNY"));

        TierChanged changed = onlyTierChangeOf(member);
        assertThat(changed.fromTier()).isEqualTo("MEMBER");
        assertThat(changed.toTier()).isEqualTo("DIAMOND");
        assertThat(changed.qualifyingValue().value()).isEqualByComparingTo("6000.00");
        assertThat(changed.effectiveAt()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(changed.causationIds()).containsExactly(first, second);
    }

    @Test
    void theSameEventTwiceAndTheSameOrderReSentCountOnce() {
        String member = newMember();
        String eventId = UUID.randomUUID().toString();
        orders.orderPaid(eventId, member, "O-1-" + member, "400.00", PAID_AT);
        orders.orderPaid(eventId, member, "O-1-" + member, "400.00", PAID_AT); // redelivered
        orders.orderPaid(member, "O-1-" + member, "400.00", PAID_AT); // re-sent with a new id
        String marker = orders.orderPaid(member, "O-2-" + member, "50.00", PAID_AT); // behind them

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tierOf(member))
                .containsEntry("qualifyingValue", Map.of("value", "450.00", "currency", "CNY")));
        assertThat(tierOf(member))
                .containsEntry("tier", "MEMBER")
                .containsEntry("tierName", "普通")
                .containsEntry("validUntil", null)
                .containsEntry("nextTier", "SILVER")
                .containsEntry("neededForNextTier", Map.of("value", "50.00", "currency", "CNY"));

        String last = orders.orderPaid(member, "O-3-" + member, "60.00", PAID_AT.plus(Duration.ofDays(1)));

        awaitTier(member, "SILVER");
        TierChanged changed = onlyTierChangeOf(member);
        assertThat(changed.qualifyingValue().value()).isEqualByComparingTo(new BigDecimal("510.00"));
        assertThat(changed.causationIds()).containsExactly(eventId, marker, last);
    }

    @Test
    void theTierViewIsRebuiltIdenticallyFromTheEventStore() {
        String member = newMember();
        orders.orderPaid(member, "O-1-" + member, "1500.00", PAID_AT);
        orders.orderPaid(member, "O-2-" + member, "700.00", PAID_AT.plus(Duration.ofDays(3)));
        Map<String, Object> before = awaitTier(member, "GOLD");

        StreamingEventProcessor projection = processing
                .eventProcessorByProcessingGroup("member-tier", StreamingEventProcessor.class)
                .orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        projection.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        http.getForEntity("/members/{id}/tier", Map.class, member).getBody())
                .isEqualTo(before));
        assertThat(before)
                .containsEntry("since", "2026-11-26T10:00:00Z")
                .containsEntry("qualifyingValue", Map.of("value", "2200.00", "currency", "CNY"));
    }

    @Test
    void anOrderInAnotherCurrencyIsDeadLetteredWithItsReason() {
        String member = newMember();
        String json = "{\"orderId\":\"O-usd\",\"memberId\":\"" + member
                + "\",\"amount\":{\"value\":\"900.00\",\"currency\":\"USD\"},\"paidAt\":\"2026-11-23T10:00:00Z\"}";
        orders.send(Topics.ORDER_PAID, UUID.randomUUID().toString(), "OrderPaid", member, PAID_AT, json);

        try (TopicReader dlt = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ORDER_PAID))) {
            var record = dlt.awaitRecords(TopicReader.keyed(member)).get(0);
            assertThat(new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("Orders in USD do not count towards tiers");
        }
        assertThat(http.getForEntity("/members/{id}/tier", String.class, member).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMemberWithoutOrdersIsA404ProblemBody() {
        var response = http.getForEntity("/members/{id}/tier", Map.class, newMember());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody()).containsEntry("code", "member-tier-not-found").containsKey("traceId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheLadder() {
        Map<String, Object> ladder = http.getForObject("/tiers", Map.class);

        assertThat(ladder).containsEntry("policyVersion", "ladder-v1").containsEntry("validity", "P12M");
        List<Map<String, Object>> tiers = (List<Map<String, Object>>) ladder.get("tiers");
        assertThat(tiers).extracting(t -> t.get("code"))
                .containsExactly("MEMBER", "SILVER", "GOLD", "DIAMOND", "ACADEMICIAN");
        assertThat(tiers.get(1))
                .containsEntry("names", Map.of("zh-CN", "银牌", "en", "Silver"))
                .containsEntry("threshold", Map.of("value", "500.00", "currency", "CNY"));
        assertThat(tiers.get(4)).containsEntry("names", Map.of("zh-CN", "院士", "en", "Academician"));
    }

    @Test
    void exposesHealthAndPrometheusMetrics() {
        String member = newMember();
        orders.orderPaid(member, "O-" + member, "10.00", PAID_AT);
        awaitTier(member, "MEMBER");

        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics)
                .contains("application=\"tier-service\"")
                .contains("loyalty_tier_events_consumed_total")
                .contains("loyalty_tier_members{application=\"tier-service\",tier=\"MEMBER\"}");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tierOf(String member) {
        var response = http.getForEntity("/members/{id}/tier", Map.class, member);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> awaitTier(String member, String tier) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tierOf(member)).containsEntry("tier", tier));
        return tierOf(member);
    }

    /** The member's one TierChanged on loyalty.tiers.v1, decoded and validated against its schema. */
    private static TierChanged onlyTierChangeOf(String member) {
        try (TopicReader tiers = new TopicReader(SharedKafka.bootstrapServers(), Topics.TIERS)) {
            var records = tiers.awaitRecords(TopicReader.keyed(member));
            assertThat(records).hasSize(1);
            EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(records.get(0));
            assertThat(envelope.source().toString()).isEqualTo("/loyalty/tier-service");
            assertThat(envelope.subject()).isEqualTo(member);
            assertThat(envelope.data()).isInstanceOf(TierChanged.class);
            return (TierChanged) envelope.data();
        }
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}

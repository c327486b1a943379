package com.loyaltysuite.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.testsupport.ServicePublisher;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TopicReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** benefit-service against the embedded KRaft broker and PostgreSQL, fed as tier-service feeds it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class BenefitServiceIT {

    static final Instant PROMOTED_AT = Instant.parse("2026-11-23T10:00:00Z");

    static ServicePublisher tierService;

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void connect() {
        tierService = new ServicePublisher(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        tierService.close();
    }

    @Test
    void aPromotionGrantsTheTiersUpgradeGiftAndPublishesBenefitGranted() {
        String member = newMember();
        String eventId = publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED));

        List<Map<String, Object>> benefits = awaitBenefitCodes(member, List.of("SILVER_UPGRADE_GIFT"));
        assertThat(benefits.get(0))
                .containsEntry("kind", "UPGRADE_GIFT")
                .containsEntry("tier", "SILVER")
                .containsEntry("description", "银牌升级礼包：20元无门槛优惠券")
                .containsEntry("status", "ACTIVE")
                .containsEntry("grantedAt", "2026-11-23T10:00:00Z")
                .containsEntry("validUntil", "2027-02-21T10:00:00Z")
                .containsKey("benefitId");

        try (TopicReader topic = new TopicReader(SharedKafka.bootstrapServers(), Topics.BENEFITS)) {
            var records = topic.awaitRecords(TopicReader.keyed(member));
            EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(records.get(0));
            assertThat(envelope.source().toString()).isEqualTo("/loyalty/benefit-service");
            assertThat(envelope.data()).isInstanceOfSatisfying(BenefitGranted.class, granted -> {
                assertThat(granted.benefitId()).isEqualTo(benefits.get(0).get("benefitId"));
                assertThat(granted.benefitCode()).isEqualTo("SILVER_UPGRADE_GIFT");
                assertThat(granted.kind()).isEqualTo(BenefitKind.UPGRADE_GIFT);
                assertThat(granted.tier()).isEqualTo("SILVER");
                assertThat(granted.programId()).isEqualTo("default");
                assertThat(granted.grantedAt()).isEqualTo(PROMOTED_AT);
                assertThat(granted.validUntil()).isEqualTo(Instant.parse("2027-02-21T10:00:00Z"));
                assertThat(granted.causationId()).isEqualTo(eventId);
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        http.getForObject("/actuator/prometheus", String.class))
                .contains("loyalty_events_consumed_total{")
                .contains("loyalty_events_published_seconds_count{"));
    }

    @Test
    void theSameEventTwiceAndASecondPromotionToTheTierGrantOnce() {
        String member = newMember();
        TierChanged toSilver = tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED);
        String eventId = publish(toSilver);
        publish(eventId, toSilver); // redelivered
        publish(tierChanged(member, "SILVER", "MEMBER", TierChangeReason.RETENTION_FAILED));
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED)); // promoted again, a new id
        publish(tierChanged(member, "SILVER", "GOLD", TierChangeReason.QUALIFIED)); // a marker behind them

        awaitBenefitCodes(member, List.of("SILVER_UPGRADE_GIFT", "GOLD_UPGRADE_GIFT"));

        try (TopicReader topic = new TopicReader(SharedKafka.bootstrapServers(), Topics.BENEFITS)) {
            // The gold grant is the member's last event, so once it is on the topic every earlier one is too.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> grantedCodes(topic, member).contains("GOLD_UPGRADE_GIFT"));
            assertThat(grantedCodes(topic, member)).containsExactly("SILVER_UPGRADE_GIFT", "GOLD_UPGRADE_GIFT");
        }
    }

    @Test
    void changesThatAreNoPromotionGrantNothing() {
        String member = newMember();
        publish(tierChanged(member, "SILVER", "MEMBER", TierChangeReason.RETENTION_FAILED));
        publish(tierChanged(member, "GOLD", "SILVER", TierChangeReason.MANUAL_ENDED));
        publish(tierChanged(member, "SILVER", "GOLD", TierChangeReason.QUALIFIED)); // a marker behind them

        awaitBenefitCodes(member, List.of("GOLD_UPGRADE_GIFT"));
    }

    @Test
    void aRecordViolatingTheSchemaIsDeadLetteredAndTheMembersStreamGoesOn() {
        String member = newMember();
        var valid = CloudEventCodec.toRecord(envelope(
                UUID.randomUUID().toString(), tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED)));
        String broken = new String(valid.value(), StandardCharsets.UTF_8).replace("\"QUALIFIED\"", "\"PROMOTED\"");
        send(new ProducerRecord<>(
                valid.topic(), null, valid.key(), broken.getBytes(StandardCharsets.UTF_8), valid.headers()));
        publish(tierChanged(member, "MEMBER", "GOLD", TierChangeReason.QUALIFIED));

        awaitBenefitCodes(member, List.of("GOLD_UPGRADE_GIFT"));

        try (TopicReader dlt = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.TIERS))) {
            var record = dlt.awaitRecords(TopicReader.keyed(member)).get(0);
            assertThat(new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("TierChanged violates its schema")
                    .contains("$.reason");
            assertThat(record.value()).isEqualTo(broken.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMemberWithoutBenefitsHasAnEmptyList() {
        var response = http.getForEntity("/members/{id}/benefits", List.class, newMember());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEmpty();
    }

    @Test
    void exposesHealth() {
        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("application=\"benefit-service\"");
    }

    private static List<String> grantedCodes(TopicReader topic, String member) {
        return topic.matching(TopicReader.keyed(member)).stream()
                .map(record -> ((BenefitGranted) CloudEventCodec.fromRecord(record).data()).benefitCode())
                .toList();
    }

    private List<Map<String, Object>> awaitBenefitCodes(String member, List<String> codes) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(benefits(member))
                        .extracting(benefit -> benefit.get("code"))
                        .containsExactlyElementsOf(codes));
        return benefits(member);
    }

    private List<Map<String, Object>> benefits(String member) {
        var response = http.exchange(
                "/members/{id}/benefits",
                HttpMethod.GET,
                null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() {},
                member);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static TierChanged tierChanged(String member, String from, String to, TierChangeReason reason) {
        return new TierChanged(
                MemberId.of(member),
                "default",
                from,
                to,
                reason,
                new QualifyingValue(new BigDecimal("599.00"), "CNY"),
                "ladder-v1",
                PROMOTED_AT,
                PROMOTED_AT.plus(Duration.ofDays(365)),
                List.of(UUID.randomUUID().toString()));
    }

    /** Publishes as tier-service's relay does; returns the ce_id. */
    private static String publish(TierChanged event) {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, event);
        return eventId;
    }

    private static void publish(String eventId, TierChanged event) {
        tierService.publish(eventId, "/loyalty/tier-service", event);
    }

    private static EventEnvelope<TierChanged> envelope(String eventId, TierChanged event) {
        return new EventEnvelope<>(eventId, URI.create("/loyalty/tier-service"), OffsetDateTime.now(), event);
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        tierService.send(record);
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}

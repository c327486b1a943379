package com.loyaltysuite.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsReversed;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.testsupport.MutableClock;
import com.loyaltysuite.testsupport.ServicePublisher;
import com.loyaltysuite.testsupport.SharedKafka;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;

/**
 * tier-service on the points basis (成长值): fed by points-service's contract events on
 * loyalty.points.v1 as points-service publishes them, it promotes by earned points net of reversals.
 * Setting the basis alone is enough: the topics consumed follow it. Runs in its own JVM (see the
 * pom), so its database and broker are not shared with the spend-basis tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "loyalty.tier.basis=POINTS")
@AutoConfigureObservability
@Import(TierTestClock.class)
@SuppressWarnings("unchecked")
class PointsBasisIT {

    static final String POINTS_SERVICE = "/loyalty/points-service";

    static ServicePublisher pointsService;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void connect() {
        pointsService = new ServicePublisher(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        pointsService.close();
    }

    @Test
    void earnedPointsPromoteAndReversedPointsLowerTheValueWithoutDemoting() {
        String member = "M-" + UUID.randomUUID();
        Instant paidAt = TierTestClock.recentPast(clock);
        String first = pointsService.publish(POINTS_SERVICE, earned(member, "O-1-" + member, 300, paidAt));
        String second = pointsService.publish(
                POINTS_SERVICE, earned(member, "O-2-" + member, 250, paidAt.plusSeconds(60)));

        Map<String, Object> silver = awaitTier(member, "SILVER");
        assertThat(silver)
                .containsEntry("since", paidAt.plusSeconds(60).toString())
                .containsEntry("validUntil", yearAfter(paidAt.plusSeconds(60)).toString())
                .containsEntry("qualifyingValue", Map.of("value", "550", "unit", "POINTS"))
                .containsEntry("nextTier", "GOLD")
                .containsEntry("neededForNextTier", Map.of("value", "1450", "unit", "POINTS"))
                .containsEntry("retentionThreshold", Map.of("value", "500", "unit", "POINTS"));
        TierChanged promoted = awaitTierChanges(member, 1).get(0);
        assertThat(promoted.fromTier()).isEqualTo("MEMBER");
        assertThat(promoted.toTier()).isEqualTo("SILVER");
        assertThat(promoted.reason()).isEqualTo(TierChangeReason.QUALIFIED);
        assertThat(promoted.qualifyingValue().value()).isEqualByComparingTo("550");
        assertThat(promoted.qualifyingValue().unit()).isEqualTo("POINTS");
        assertThat(promoted.effectiveAt()).isEqualTo(paidAt.plusSeconds(60));
        assertThat(promoted.causationIds()).containsExactly(first, second);

        pointsService.publish(POINTS_SERVICE, reversed(member, "O-2-" + member, "R-1-" + member, 100, paidAt));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tierOf(member))
                .containsEntry("qualifyingValue", Map.of("value", "450", "unit", "POINTS")));
        assertThat(tierOf(member)).containsEntry("tier", "SILVER").containsEntry("projectedTier", "MEMBER");
        assertThat(tierChanges(member)).hasSize(1);
    }

    @Test
    void aReversalAheadOfItsEarnedPointsIsAppliedWhenTheyArrive() {
        String member = "M-" + UUID.randomUUID();
        Instant paidAt = TierTestClock.recentPast(clock);
        String orderId = "O-1-" + member;

        pointsService.publish(POINTS_SERVICE, reversed(member, orderId, "R-1-" + member, 200, paidAt));
        pointsService.publish(POINTS_SERVICE, earned(member, orderId, 2100, paidAt));

        Map<String, Object> tier = awaitTier(member, "SILVER");
        assertThat(tier).containsEntry("qualifyingValue", Map.of("value", "1900", "unit", "POINTS"));
        TierChanged promoted = awaitTierChanges(member, 1).get(0);
        assertThat(promoted.toTier()).isEqualTo("SILVER");
        assertThat(promoted.qualifyingValue().value()).isEqualByComparingTo("1900");
        assertThat(promoted.qualifyingValue().unit()).isEqualTo("POINTS");
    }

    @Test
    void theLadderIsCountedInPointsAndOnlyThePointsTopicIsConsumed() throws Exception {
        Map<String, Object> ladder = http.getForObject("/tiers", Map.class);
        assertThat(ladder).containsEntry("basis", "POINTS").containsEntry("unit", "POINTS");
        assertThat(((List<Map<String, Object>>) ladder.get("tiers")).get(1))
                .containsEntry("threshold", Map.of("value", "500", "unit", "POINTS"));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get())
                    .contains(Topics.POINTS, Topics.deadLetterOf(Topics.POINTS))
                    .doesNotContain(Topics.deadLetterOf(Topics.ORDER_PAID), Topics.deadLetterOf(Topics.ORDER_REFUNDED));
        }
    }

    private static PointsEarned earned(String member, String orderId, long points, Instant paidAt) {
        return new PointsEarned(
                MemberId.of(member),
                "default",
                OrderId.of(orderId),
                points,
                points,
                BigDecimal.ONE,
                "MEMBER",
                "earning-v1",
                Money.of(points + ".00", "CNY"),
                paidAt,
                paidAt.plus(Duration.ofDays(7)),
                "evt-" + orderId);
    }

    private static PointsReversed reversed(String member, String orderId, String refundId, long points, Instant paidAt) {
        return new PointsReversed(
                MemberId.of(member),
                "default",
                OrderId.of(orderId),
                refundId,
                points,
                paidAt.plus(Duration.ofHours(1)),
                "evt-" + refundId);
    }

    private Map<String, Object> tierOf(String member) {
        var response = http.getForEntity("/members/{id}/tier", Map.class, member);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> awaitTier(String member, String tier) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tierOf(member)).containsEntry("tier", tier));
        return tierOf(member);
    }

    private static List<TierChanged> awaitTierChanges(String member, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> tierChanges(member).size() >= count);
        return tierChanges(member);
    }

    /** The member's TierChanged records on loyalty.tiers.v1 so far, each decoded and validated as another team would. */
    private static List<TierChanged> tierChanges(String member) {
        List<TierChanged> changes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TIERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!member.equals(record.key())) {
                        continue;
                    }
                    EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(record);
                    assertThat(envelope.source().toString()).isEqualTo("/loyalty/tier-service");
                    if (envelope.data() instanceof TierChanged changed) {
                        changes.add(changed);
                    }
                }
            }
        }
        return changes;
    }

    private static Instant yearAfter(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
    }
}

package com.loyaltysuite.member.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.MemberSegmentChanged;
import com.loyaltysuite.events.segment.RfmScore;
import com.loyaltysuite.events.segment.RfmSegment;
import com.loyaltysuite.member.MemberTestClock;
import com.loyaltysuite.testsupport.MutableClock;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * RFM segments end to end: orders as the order system publishes them, the segment over HTTP, moves on
 * {@code loyalty.member-segments.v1}, and recency decaying as the service's clock moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(MemberTestClock.class)
class MemberSegmentsIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @Autowired
    EventProcessingConfiguration processing;

    OrderSystem orderSystem;

    @BeforeEach
    void setUp() {
        orderSystem = new OrderSystem(SharedKafka.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        orderSystem.close();
    }

    /** Hand-computed: R high under 90 days, F high from 3 orders, M high from 1000 CNY in 365 days. */
    @Test
    void handComputedMembersLandInEachOfTheEightGroups() {
        Map<RfmSegment, String> orders = new LinkedHashMap<>();
        orders.put(RfmSegment.IMPORTANT_VALUE, "10:500 40:400 100:300");
        orders.put(RfmSegment.IMPORTANT_RECALL, "100:500 150:400 200:300");
        orders.put(RfmSegment.IMPORTANT_DEEPEN, "5:1500");
        orders.put(RfmSegment.IMPORTANT_RETAIN, "200:2000");
        orders.put(RfmSegment.POTENTIAL, "1:100 20:100 60:100");
        orders.put(RfmSegment.NEW, "3:99");
        orders.put(RfmSegment.GENERAL_MAINTAIN, "120:100 130:100 140:100");
        orders.put(RfmSegment.LOST, "300:50");
        Map<RfmSegment, String> members = new LinkedHashMap<>();
        orders.forEach((segment, spec) -> members.put(segment, publish(spec)));

        members.forEach((segment, member) -> assertThat(awaitSegment(member, segment))
                .as(segment.name())
                .containsEntry("segmentName", segment.chineseName())
                .containsKey("reason"));
        Map<String, Object> value = awaitSegment(members.get(RfmSegment.IMPORTANT_VALUE), RfmSegment.IMPORTANT_VALUE);
        assertThat(value).containsEntry("stage", "ACTIVE");
        assertThat(value.get("values")).isEqualTo(Map.of(
                "recencyDays", 10, "frequency", 3, "monetary", Map.of("value", "1200.00", "currency", "CNY")));
        assertThat(value.get("scores")).isEqualTo(Map.of("recency", "HIGH", "frequency", "HIGH", "monetary", "HIGH"));
        assertThat((String) value.get("reason")).contains("重要价值客户", "10 days ago", "3 paid orders", "1200.00 CNY");
        assertThat(awaitSegment(members.get(RfmSegment.LOST), RfmSegment.LOST)).containsEntry("stage", "CHURNED");

        try (TopicReader segments = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBER_SEGMENTS)) {
            members.forEach((segment, member) -> {
                MemberSegmentChanged last = lastChange(segments, member, segment);
                assertThat(last.segmentName()).isEqualTo(segment.chineseName());
            });
            MemberSegmentChanged recall = lastChange(segments, members.get(RfmSegment.IMPORTANT_RECALL), RfmSegment.IMPORTANT_RECALL);
            assertThat(recall.recencyDays()).isEqualTo(100);
            assertThat(recall.frequency()).isEqualTo(3);
            assertThat(recall.monetary().value()).isEqualByComparingTo("1200.00");
            assertThat(recall.recencyScore()).isEqualTo(RfmScore.LOW);
            assertThat(recall.stage()).isEqualTo(LifecycleStage.DORMANT);
            assertThat(recall.policyVersion()).isEqualTo("rfm-v1");
            assertThat(recall.causationIds()).hasSize(1);
        }

        ResponseEntity<Map> counts = http.getForEntity("/segments", Map.class);
        assertThat(counts.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) counts.getBody().get("segments");
        assertThat(groups).hasSize(8).allSatisfy(group -> assertThat(((Number) group.get("members")).longValue()).isPositive());
        assertThat(groups).extracting(g -> g.get("name")).contains("重要价值客户", "流失客户");
        assertThat((List<Map<String, Object>>) counts.getBody().get("stages")).extracting(s -> s.get("stage"))
                .containsExactly("NEW", "ACTIVE", "DORMANT", "CHURNED");
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("loyalty_member_segment_members{", "segment=\"IMPORTANT_RECALL\"")
                .contains("loyalty_member_stage_members{", "stage=\"CHURNED\"");
    }

    @Test
    void refundsAndResentOrdersCountAsTheOrderSystemMeantThem() {
        String member = newMember();
        Instant now = now();
        String eventId = orderSystem.orderPaid(member, "O-1", "800.00", now.minus(Duration.ofDays(2)));
        orderSystem.orderPaid(eventId, member, "O-1", "800.00", now.minus(Duration.ofDays(2))); // redelivered
        orderSystem.orderPaid(member, "O-1", "800.00", now.minus(Duration.ofDays(2))); // re-sent with a new id
        orderSystem.orderPaid(member, "O-2", "300.00", now.minus(Duration.ofDays(1)));
        assertThat(awaitSegment(member, RfmSegment.IMPORTANT_DEEPEN).get("values"))
                .isEqualTo(Map.of("recencyDays", 1, "frequency", 2, "monetary", Map.of("value", "1100.00", "currency", "CNY")));

        orderSystem.orderRefunded(member, "O-1", "R-1", "200.00", now);

        assertThat(awaitSegment(member, RfmSegment.NEW).get("values"))
                .isEqualTo(Map.of("recencyDays", 1, "frequency", 2, "monetary", Map.of("value", "900.00", "currency", "CNY")));
    }

    /**
     * Recency decays without orders: the member's timer re-scores them when the clock reaches the next
     * threshold (90 days after the last order), and the move is published with no order as its cause.
     */
    @Test
    void recencyDecaysAsTheClockMovesAndTheMoveIsPublished() {
        String member = newMember();
        Instant lastPaid = now().minus(Duration.ofDays(80));
        orderSystem.orderPaid(member, "O-1", "500.00", lastPaid.minus(Duration.ofDays(20)));
        orderSystem.orderPaid(member, "O-2", "500.00", lastPaid.minus(Duration.ofDays(10)));
        orderSystem.orderPaid(member, "O-3", "500.00", lastPaid);
        Map<String, Object> before = awaitSegment(member, RfmSegment.IMPORTANT_VALUE);
        assertThat(before).containsEntry("stage", "ACTIVE");
        assertThat(before.get("nextAssessmentAt")).isEqualTo(lastPaid.plus(Duration.ofDays(90)).toString());

        clock.advance(Duration.ofDays(9));
        assertThat(awaitSegment(member, RfmSegment.IMPORTANT_VALUE)).containsEntry("assessedAt", before.get("assessedAt"));
        clock.advance(Duration.ofDays(1));

        Map<String, Object> after = awaitSegment(member, RfmSegment.IMPORTANT_RECALL);
        assertThat(after).containsEntry("stage", "DORMANT").containsEntry("assessedAt", lastPaid.plus(Duration.ofDays(90)).toString());
        assertThat(after.get("values")).isEqualTo(Map.of(
                "recencyDays", 90, "frequency", 3, "monetary", Map.of("value", "1500.00", "currency", "CNY")));
        try (TopicReader segments = new TopicReader(SharedKafka.bootstrapServers(), Topics.MEMBER_SEGMENTS)) {
            MemberSegmentChanged moved = lastChange(segments, member, RfmSegment.IMPORTANT_RECALL);
            assertThat(moved.previousSegment()).isEqualTo(RfmSegment.IMPORTANT_VALUE);
            assertThat(moved.previousStage()).isEqualTo(LifecycleStage.ACTIVE);
            assertThat(moved.stage()).isEqualTo(LifecycleStage.DORMANT);
            assertThat(moved.causationIds()).isEmpty();
        }
    }

    @Test
    void aMemberWithoutPaidOrdersHasNoSegment() {
        ResponseEntity<Map> response = http.getForEntity("/members/{id}/segment", Map.class, newMember());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("code", "member-segment-not-found");
    }

    @Test
    void theSegmentsAreRebuiltIdenticallyFromTheEventStore() {
        String member = publish("10:500 40:400 100:300");
        Map<String, Object> before = awaitSegment(member, RfmSegment.IMPORTANT_VALUE);

        StreamingEventProcessor projection = processing
                .eventProcessor(MemberSegmentProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        projection.shutdownAsync().join();
        projection.resetTokens();
        assertThat(http.getForEntity("/members/{id}/segment", Map.class, member).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        projection.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(http.getForObject("/members/{id}/segment", Map.class, member)).isEqualTo(before));
    }

    /** Publishes a new member's orders, {@code spec} being "days ago:amount" pairs; returns the member id. */
    private String publish(String spec) {
        String member = newMember();
        Instant now = now();
        int i = 0;
        for (String pair : spec.trim().split("\\s+")) {
            String[] parts = pair.split(":");
            orderSystem.orderPaid(member, "O-" + ++i, parts[1], now.minus(Duration.ofDays(Long.parseLong(parts[0]))));
        }
        return member;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitSegment(String member, RfmSegment segment) {
        return (Map<String, Object>) await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.getForEntity("/members/{id}/segment", Map.class, member),
                        r -> r.getStatusCode() == HttpStatus.OK && segment.name().equals(r.getBody().get("segment")))
                .getBody();
    }

    private static MemberSegmentChanged lastChange(TopicReader segments, String member, RfmSegment segment) {
        List<ConsumerRecord<String, byte[]>> records = segments.awaitRecords(
                record -> member.equals(record.key()) && decode(record) instanceof MemberSegmentChanged c && c.segment() == segment);
        IntegrationEvent last = decode(records.get(records.size() - 1));
        return (MemberSegmentChanged) last;
    }

    private static IntegrationEvent decode(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.fromRecord(record).data();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}

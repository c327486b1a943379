package com.loyaltysuite.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.events.points.PointsAdjusted;
import com.loyaltysuite.events.points.PointsAvailable;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsExpired;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.events.points.PointsRedeemed;
import com.loyaltysuite.events.points.PointsReversed;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.testsupport.MutableClock;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.ServicePublisher;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TestTokens;
import com.loyaltysuite.testsupport.TopicReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The points rules end to end inside the service: the embedded broker, PostgreSQL, the durable
 * timers and a clock the tests move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(PointsTestClock.class)
class PointsRulesIT {

    static OrderSystem orders;
    static ServicePublisher tierService;
    static ServicePublisher memberService;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeAll
    static void connect() {
        orders = new OrderSystem(SharedKafka.bootstrapServers());
        tierService = new ServicePublisher(SharedKafka.bootstrapServers());
        memberService = new ServicePublisher(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        orders.close();
        tierService.close();
        memberService.close();
    }

    @Test
    void earnsAtTheTierHeldWhenPaidPendingUntilTheReturnWindowEnds() {
        String member = newMember();
        Instant paidAt = clock.instant();
        String tierEvent = tierService.publish("/loyalty/tier-service", new TierChanged(
                MemberId.of(member), "default", "MEMBER", "SILVER", TierChangeReason.QUALIFIED,
                new QualifyingValue(new BigDecimal("600.00"), "CNY"), "ladder-v1", paidAt.minus(Duration.ofDays(1)),
                null, List.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox_message where consumer = 'tier-history' and event_id = ?", Long.class, tierEvent) == 1);

        orders.orderPaid(member, "O-1", "100.99", paidAt);

        awaitPoints(member, p -> p.get("pending").equals(120) && p.get("available").equals(0));
        assertThat(event(member, PointsEarned.class)).satisfies(earned -> {
            assertThat(earned.tier()).isEqualTo("SILVER");
            assertThat(earned.multiplier()).isEqualTo(new BigDecimal("1.2"));
            assertThat(earned.basePoints()).isEqualTo(100);
            assertThat(earned.points()).isEqualTo(120);
            assertThat(earned.availableAt()).isEqualTo(paidAt.plus(Duration.ofDays(7)));
        });

        clock.advance(Duration.ofDays(7));

        awaitPoints(member, p -> p.get("pending").equals(0) && p.get("available").equals(120) && p.get("balance").equals(120));
        assertThat(event(member, PointsAvailable.class).points()).isEqualTo(120);
    }

    @Test
    void aFrozenMemberEarnsNothingThenEarnsAgainAfterUnfreezingAndGetsTheWithheldPoints() {
        String member = newMember();
        orders.orderPaid(member, "O-1", "100.00", clock.instant().minus(Duration.ofDays(8)));
        awaitPoints(member, p -> p.get("available").equals(100));
        memberStatus(member, MemberStatus.FROZEN, MemberStatus.ACTIVE, clock.instant().minusSeconds(60));

        orders.orderPaid(member, "O-2", "250.00", clock.instant());

        awaitPoints(member, p -> p.get("withheld").equals(250) && p.get("balance").equals(100) && p.get("pending").equals(0));
        Map<String, Object> withheld = ledger(member).get(0);
        assertThat(withheld).containsEntry("kind", "WITHHELD").containsEntry("points", 250).containsEntry("orderId", "O-2")
                .containsEntry("balanceAfter", 100);
        assertThat((String) withheld.get("cause")).contains("while FROZEN");
        assertThat(reserve(member, "rq-1", "CO-1", 50).getBody()).containsEntry("code", "member-not-active");

        memberStatus(member, MemberStatus.ACTIVE, MemberStatus.FROZEN, clock.instant());
        awaitPoints(member, p -> p.get("withheld").equals(0) && p.get("pending").equals(250) && p.get("balance").equals(350));
        orders.orderPaid(member, "O-3", "30.00", clock.instant().plusSeconds(1));

        awaitPoints(member, p -> p.get("pending").equals(280) && p.get("balance").equals(380));
        assertThat(ledger(member)).extracting(e -> e.get("kind"), e -> e.get("orderId"))
                .containsExactly(
                        tuple("EARNED", "O-3"), tuple("EARNED", "O-2"), tuple("WITHHELD", "O-2"), tuple("EARNED", "O-1"));
        try (TopicReader points = new TopicReader(SharedKafka.bootstrapServers(), Topics.POINTS)) {
            points.awaitRecords(TopicReader.keyed(member).and(r -> CloudEventCodec.fromRecord(r).data()
                    instanceof PointsEarned e && e.orderId().value().equals("O-3")));
            assertThat(points.matching(TopicReader.keyed(member)).stream()
                            .map(r -> CloudEventCodec.fromRecord(r).data())
                            .filter(PointsEarned.class::isInstance)
                            .map(e -> ((PointsEarned) e).orderId().value()))
                    .containsExactly("O-1", "O-2", "O-3");
        }
    }

    @Test
    void closingAMembershipForfeitsItsPoints() {
        String member = newMember();
        orders.orderPaid(member, "O-1", "120.00", clock.instant().minus(Duration.ofDays(8)));
        awaitPoints(member, p -> p.get("available").equals(120));

        memberStatus(member, MemberStatus.CLOSED, MemberStatus.ACTIVE, clock.instant());

        awaitPoints(member, p -> p.get("balance").equals(0) && p.get("available").equals(0));
        assertThat(ledger(member).get(0)).containsEntry("kind", "FORFEITED").containsEntry("points", -120);
        assertThat(event(member, PointsExpired.class).points()).isEqualTo(120);
    }

    @Test
    void aPartialRefundAfterAPartialRedemptionLeavesADebtOnTheLedger() {
        String member = newMember();
        Instant paidAt = clock.instant().minus(Duration.ofDays(8)); // its return window has ended
        orders.orderPaid(member, "O-1", "1000.00", paidAt);
        awaitPoints(member, p -> p.get("available").equals(1000));

        var reserved = reserve(member, "rq-1", "CO-9", 800);
        assertThat(reserved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reserved.getBody()).containsEntry("status", "OPEN").containsEntry("value", Map.of("value", "8.00", "currency", "CNY"));
        assertThat(reserve(member, "rq-1", "CO-9", 800).getBody()).isEqualTo(reserved.getBody()); // a retried request
        awaitPoints(member, p -> p.get("available").equals(200) && p.get("reserved").equals(800) && p.get("balance").equals(1000));
        assertThat(http.postForEntity("/members/{id}/points/reservations/rq-1/confirm", null, Map.class, member).getBody())
                .containsEntry("status", "CONFIRMED");

        orders.orderRefunded(member, "O-1", "R-1", "600.00", clock.instant());
        orders.orderRefunded(member, "O-1", "R-1", "600.00", clock.instant()); // re-sent with a new event id

        awaitPoints(member, p -> p.get("balance").equals(-400) && p.get("debt").equals(400) && p.get("available").equals(0));
        assertThat(event(member, PointsRedeemed.class)).satisfies(r -> {
            assertThat(r.points()).isEqualTo(800);
            assertThat(r.redemptionId()).isEqualTo("rq-1");
            assertThat(r.reference()).isEqualTo("CO-9");
        });
        assertThat(event(member, PointsReversed.class)).satisfies(r -> {
            assertThat(r.points()).isEqualTo(600);
            assertThat(r.refundId()).isEqualTo("R-1");
        });

        Map<String, Object> ledger = http.getForObject("/members/{id}/points/ledger?size=10", Map.class, member);
        assertThat(ledger).containsEntry("totalEntries", 3);
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ledger.get("entries");
        assertThat(entries).extracting(e -> e.get("kind")).containsExactly("REVERSED", "REDEEMED", "EARNED");
        assertThat(entries).extracting(e -> e.get("points")).containsExactly(-600, -800, 1000);
        assertThat(entries).extracting(e -> e.get("balanceAfter")).containsExactly(-400, 200, 1000);
        assertThat(entries) // the money behind each movement, from the OrderPaid and OrderRefunded events
                .extracting(e -> e.get("amount"))
                .containsExactly(Map.of("value", "600.00", "currency", "CNY"), null, Map.of("value", "1000.00", "currency", "CNY"));
        assertThat((String) entries.get(0).get("cause")).contains("refund R-1 of order O-1").contains("400 already spent");

        orders.orderPaid(member, "O-2", "500.00", clock.instant().minus(Duration.ofDays(8)));
        awaitPoints(member, p -> p.get("balance").equals(100) && p.get("debt").equals(0));
    }

    @Test
    void redeemingMoreThanIsAvailableIsA409Problem() {
        String member = newMember();
        orders.orderPaid(member, "O-1", "300.00", clock.instant());
        awaitPoints(member, p -> p.get("pending").equals(300));

        var refused = reserve(member, "rq-1", "CO-1", 100);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(refused.getBody())
                .containsEntry("code", "insufficient-points")
                .containsEntry("detail", "Cannot redeem 100 points: only 0 are available");
        assertThat(reserve(member, "", "CO-1", 0).getBody()).containsEntry("code", "validation-failed");
        assertThat(reserve(newMember(), "rq-1", "CO-1", 1).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aReservationNeitherConfirmedNorCancelledExpires() {
        String member = newMember();
        orders.orderPaid(member, "O-1", "500.00", clock.instant().minus(Duration.ofDays(8)));
        awaitPoints(member, p -> p.get("available").equals(500));
        reserve(member, "rq-1", "CO-1", 300);
        awaitPoints(member, p -> p.get("reserved").equals(300));

        clock.advance(Duration.ofMinutes(16));

        awaitPoints(member, p -> p.get("reserved").equals(0) && p.get("available").equals(500));
        var late = http.postForEntity("/members/{id}/points/reservations/rq-1/confirm", null, Map.class, member);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody()).containsEntry("code", "reservation-closed");
    }

    @Test
    void pointsExpireAfterTwelveMonthsWithAWarningFirst() {
        String member = newMember();
        Instant paidAt = clock.instant().minus(Duration.ofDays(365 - 20)); // expires in about 20 days
        orders.orderPaid(member, "O-1", "250.00", paidAt);

        PointsExpiring warning = event(member, PointsExpiring.class);
        assertThat(warning.points()).isEqualTo(250);
        awaitPoints(member, p -> ((List<?>) p.get("expiringSoon")).size() == 1);
        Map<String, Object> soon = (Map<String, Object>) ((List<?>) points(member).get("expiringSoon")).get(0);
        assertThat(soon).containsEntry("points", 250).containsEntry("expiresAt", warning.expiresAt().toString());

        clock.advance(Duration.ofDays(21));

        awaitPoints(member, p -> p.get("balance").equals(0));
        assertThat(event(member, PointsExpired.class)).satisfies(e -> {
            assertThat(e.points()).isEqualTo(250);
            assertThat(e.expiredAt()).isEqualTo(warning.expiresAt());
        });
    }

    @Test
    void aRefundOfAnUnknownOrderIsDeadLetteredWithItsReason() {
        String member = newMember();
        orders.orderRefunded(member, "O-unknown", "R-9", "10.00", clock.instant());

        try (TopicReader dlt = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ORDER_REFUNDED))) {
            var record = dlt.awaitRecords(TopicReader.keyed(member)).get(0);
            assertThat(new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("Refund R-9 of unknown order O-unknown");
        }
    }

    @Test
    void supportStaffAdjustPointsWithAReasonOnTheLedger() {
        String member = newMember();
        // The operator is whoever the token says, never a field of the body.
        var added = http.exchange("/members/{id}/points/adjustments", HttpMethod.POST, new HttpEntity<>(
                        Map.of("requestId", "adj-1", "points", 50, "reason", "goodwill, ticket 4711", "operatorId", "forged"),
                        TestTokens.staffHeaders("agent-7")),
                Map.class, member);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody()).containsEntry("balanceAfter", 50);

        var noReason = http.postForEntity("/members/{id}/points/adjustments",
                Map.of("requestId", "adj-2", "points", -5), Map.class, member);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().toString()).contains("reason");

        awaitPoints(member, p -> p.get("available").equals(50));
        Map<String, Object> entry = ((List<Map<String, Object>>) http
                        .getForObject("/members/{id}/points/ledger", Map.class, member)
                        .get("entries"))
                .get(0);
        assertThat(entry)
                .containsEntry("kind", "ADJUSTED")
                .containsEntry("reason", "goodwill, ticket 4711")
                .containsEntry("operatorId", "agent-7");
        assertThat(event(member, PointsAdjusted.class).operatorId()).isEqualTo("agent-7");
    }

    @Test
    void droppingTheReadModelsAndReplayingGivesIdenticalBalancesAndLedgers() {
        String member = newMember();
        orders.orderPaid(member, "O-1", "700.00", clock.instant().minus(Duration.ofDays(8)));
        orders.orderPaid(member, "O-2", "90.00", clock.instant());
        awaitPoints(member, p -> p.get("available").equals(700) && p.get("pending").equals(90));
        reserve(member, "rq-1", "CO-1", 100);
        http.postForEntity("/members/{id}/points/reservations/rq-1/confirm", null, Map.class, member);
        orders.orderRefunded(member, "O-1", "R-1", "70.00", clock.instant());
        awaitPoints(member, p -> p.get("balance").equals(620));

        var before = readModels();
        StreamingEventProcessor projection = processing
                .eventProcessorByProcessingGroup("points-ledger", StreamingEventProcessor.class)
                .orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        projection.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readModels()).isEqualTo(before));
        assertThat(before.get(0)).isNotEmpty();
    }

    private List<List<Map<String, Object>>> readModels() {
        return List.of(
                jdbc.queryForList("select * from points_balance order by member_id"),
                jdbc.queryForList("select * from points_ledger_entry order by member_id, sequence_number"));
    }

    private ResponseEntity<Map> reserve(String member, String requestId, String orderId, long points) {
        return http.postForEntity("/members/{id}/points/reservations",
                Map.of("requestId", requestId, "orderId", orderId, "points", points), Map.class, member);
    }

    /** member-service's MemberStatusChanged, as its relay publishes it; waits until the account has applied it. */
    private void memberStatus(String member, MemberStatus status, MemberStatus previous, Instant at) {
        String eventId = memberService.publish("/loyalty/member-service", new MemberStatusChanged(
                MemberId.of(member), "default", status, previous, "case 4711", "agent-7", at));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox_message where consumer = 'member-status' and event_id = ?", Long.class, eventId) == 1);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> ledger(String member) {
        return (List<Map<String, Object>>) http.getForObject("/members/{id}/points/ledger?size=50", Map.class, member)
                .get("entries");
    }

    private Map<String, Object> points(String member) {
        return http.getForObject("/members/{id}/points", Map.class, member);
    }

    private void awaitPoints(String member, Predicate<Map<String, Object>> condition) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var response = http.getForEntity("/members/{id}/points", Map.class, member);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).matches(condition);
        });
    }

    /** The member's one event of that type on loyalty.points.v1, decoded (and so schema-validated). */
    private static <T extends IntegrationEvent> T event(String member, Class<T> type) {
        try (TopicReader points = new TopicReader(SharedKafka.bootstrapServers(), Topics.POINTS)) {
            var records = points.awaitRecords(TopicReader.keyed(member)
                    .and(r -> type.getSimpleName().equals(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))));
            assertThat(records).hasSize(1);
            return type.cast(CloudEventCodec.fromRecord(records.get(0)).data());
        }
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}

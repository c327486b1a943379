package com.loyaltysuite.member.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.anomaly.AnomalyDetected;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.member.MemberTestClock;
import com.loyaltysuite.testsupport.MutableClock;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.ServicePublisher;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Anomaly monitoring end to end: orders and refunds as the order system publishes them, the member's
 * status from the member topic, each rule firing once per member per window, {@code AnomalyDetected}
 * on {@code loyalty.anomalies.v1}, the meter, and {@code GET /anomalies}. Business times are the
 * events' own: each test's payments fall at 10:00 in Shanghai (02:00 UTC) unless it means the night.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(MemberTestClock.class)
class AnomalyMonitoringIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    OrderSystem orderSystem;
    Instant morning;

    @BeforeEach
    void setUp() {
        orderSystem = new OrderSystem(SharedKafka.bootstrapServers());
        morning = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3)).plus(Duration.ofHours(2));
    }

    @AfterEach
    void tearDown() {
        orderSystem.close();
    }

    @Test
    void aLargePaymentFiresOncePerDayAndIsPublishedAndCounted() {
        String member = newMember();
        double before = detected(AnomalyRule.LARGE_PAYMENT);

        orderSystem.orderPaid(member, "O-1", "6000.00", morning);
        orderSystem.orderPaid(member, "O-2", "7000.00", morning.plus(Duration.ofHours(1)));
        orderSystem.orderPaid(member, "O-3", "8000.00", morning.plus(Duration.ofDays(1)));

        List<Map<String, Object>> hits = awaitAnomalies(member, AnomalyRule.LARGE_PAYMENT, 2);
        assertThat(hits).extracting(h -> h.get("orderIds")).containsExactlyInAnyOrder(List.of("O-1"), List.of("O-3"));
        assertThat(hits).extracting(h -> h.get("observed")).containsExactlyInAnyOrder("6000.00", "8000.00");
        try (TopicReader anomalies = new TopicReader(SharedKafka.bootstrapServers(), Topics.ANOMALIES)) {
            List<AnomalyDetected> published = published(anomalies, member, 2);
            assertThat(published).allSatisfy(a -> {
                assertThat(a.rule()).isEqualTo(AnomalyRule.LARGE_PAYMENT);
                assertThat(a.threshold()).isEqualTo("5000");
                assertThat(a.unit()).isEqualTo("CNY");
                assertThat(a.causationIds()).hasSize(1);
            });
            assertThat(published).extracting(AnomalyDetected::windowStart)
                    .containsExactlyInAnyOrder(morning, morning.plus(Duration.ofDays(1)));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(detected(AnomalyRule.LARGE_PAYMENT)).isEqualTo(before + 2));
        String prometheus = http.getForObject("/actuator/prometheus", String.class);
        assertThat(prometheus).contains("loyalty_member_anomalies_detected_total{").doesNotContain(member);
    }

    @Test
    void moreThanFivePaymentsWithinTenMinutesFireOncePerWindow() {
        String member = newMember();
        for (int i = 0; i < 7; i++) {
            orderSystem.orderPaid(member, "O-" + i, "10.00", morning.plus(Duration.ofMinutes(i)));
        }
        orderSystem.orderPaid(member, "O-marker", "6000.00", morning.plus(Duration.ofMinutes(8)));

        awaitAnomalies(member, AnomalyRule.LARGE_PAYMENT, 1); // the marker: every payment before it was checked
        assertThat(anomalies(member, AnomalyRule.HIGH_FREQUENCY)).singleElement().satisfies(hit -> {
            assertThat(hit.get("observed")).isEqualTo("6");
            assertThat(hit.get("threshold")).isEqualTo("5");
            assertThat((List<?>) hit.get("orderIds")).hasSize(6);
            assertThat(hit.get("windowEnd")).isEqualTo(morning.plus(Duration.ofMinutes(5)).toString());
        });
    }

    @Test
    void aPaymentInTheNightHoursFiresOncePerNight() {
        String member = newMember();
        Instant threeAm = morning.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(5)); // 19:00 UTC = 03:00 in Shanghai
        orderSystem.orderPaid(member, "O-1", "10.00", threeAm);
        orderSystem.orderPaid(member, "O-2", "10.00", threeAm.plus(Duration.ofMinutes(30)));
        orderSystem.orderPaid(member, "O-3", "10.00", threeAm.plus(Duration.ofDays(1)));

        List<Map<String, Object>> hits = awaitAnomalies(member, AnomalyRule.NIGHT_PAYMENT, 2);
        assertThat(hits).extracting(h -> h.get("orderIds")).containsExactlyInAnyOrder(List.of("O-1"), List.of("O-3"));
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.get("observed")).isEqualTo("03:00");
            assertThat(h.get("threshold")).isEqualTo("02:00-05:00");
        });
        assertThat(hits).extracting(h -> h.get("windowStart"))
                .contains(threeAm.minus(Duration.ofHours(1)).toString());
    }

    /**
     * A member who set a time zone of their own (Europe/Berlin) is judged in their night, not the
     * programme's: 10:00 in Shanghai is 03:00 in Berlin (04:00 in summer), 03:00 in Shanghai is evening there.
     */
    @Test
    void aMemberWithAZoneOfTheirOwnIsJudgedInTheirNight() {
        String member = newMember();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        try (ServicePublisher members = new ServicePublisher(SharedKafka.bootstrapServers())) {
            members.publish("/loyalty/member-service", new MemberProfileUpdated(
                    MemberId.of(member), "default", null, null, null, null, morning.minus(Duration.ofDays(30)),
                    "de-DE", berlin.getId(), List.of("locale", "timeZone"), null));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(member, "MonitoredTimeZoneRecorded") == 1);
        Instant shanghaiThreeAm = morning.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(5));
        String evening = orderSystem.orderPaid(member, "O-1", "10.00", shanghaiThreeAm);
        String berlinNight = orderSystem.orderPaid(member, "O-2", "10.00", morning);
        awaitConsumed(evening);
        awaitConsumed(berlinNight);

        assertThat(awaitAnomalies(member, AnomalyRule.NIGHT_PAYMENT, 1)).singleElement().satisfies(hit -> {
            assertThat(hit.get("orderIds")).isEqualTo(List.of("O-2"));
            assertThat(hit.get("observed")).isEqualTo(HH_MM.format(morning.atZone(berlin)));
            assertThat(hit.get("windowStart")).isEqualTo(
                    morning.atZone(berlin).toLocalDate().atTime(2, 0).atZone(berlin).toInstant().toString());
            assertThat((String) hit.get("description")).contains("Europe/Berlin");
        });
    }

    /**
     * Refunds come on another topic than payments and may overtake them: however they interleave, a
     * window fires once, and a refund is judged against the spend once its order is known.
     */
    @Test
    void refundsAboveHalfTheWeeksSpendFireOncePerWindow() {
        String member = newMember();
        orderSystem.orderPaid(member, "O-1", "1000.00", morning);
        orderSystem.orderRefunded(member, "O-1", "R-1", "600.00", morning.plus(Duration.ofHours(1)));
        orderSystem.orderRefunded(member, "O-1", "R-2", "100.00", morning.plus(Duration.ofHours(2)));
        // A week later (records more than the longest window apart are not judged together).
        awaitAnomalies(member, AnomalyRule.REFUND_RATIO, 1);
        orderSystem.orderPaid(member, "O-2", "1000.00", morning.plus(Duration.ofDays(8)));
        orderSystem.orderRefunded(member, "O-2", "R-3", "400.00", morning.plus(Duration.ofDays(8)).plus(Duration.ofHours(1)));
        orderSystem.orderRefunded(member, "O-2", "R-4", "300.00", morning.plus(Duration.ofDays(8)).plus(Duration.ofHours(2)));

        List<Map<String, Object>> hits = awaitAnomalies(member, AnomalyRule.REFUND_RATIO, 2);
        assertThat(hits).extracting(h -> h.get("observed")).containsExactlyInAnyOrder("600.00", "700.00");
        assertThat(hits).extracting(h -> h.get("threshold")).containsOnly("500.00");
        assertThat(hits).extracting(h -> h.get("orderIds")).containsExactlyInAnyOrder(List.of("O-1"), List.of("O-2"));
    }

    @Test
    void aPaymentFromAFrozenMemberFiresOncePerDay() {
        String member = newMember();
        try (ServicePublisher members = new ServicePublisher(SharedKafka.bootstrapServers())) {
            members.publish("/loyalty/member-service", new MemberStatusChanged(
                    MemberId.of(member), "default", MemberStatus.FROZEN, MemberStatus.ACTIVE, "chargeback", "ops-1", morning));
        }
        // The status comes on another topic than the payments: wait until it was noted.
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                        Long.class,
                        PaymentMonitor.idOf(MemberId.of(member)),
                        "%MonitoredStatusRecorded")
                == 1);
        orderSystem.orderPaid(member, "O-1", "10.00", morning.plus(Duration.ofMinutes(1)));
        orderSystem.orderPaid(member, "O-2", "10.00", morning.plus(Duration.ofMinutes(2)));
        orderSystem.orderPaid(member, "O-3", "10.00", morning.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));

        List<Map<String, Object>> hits = awaitAnomalies(member, AnomalyRule.INACTIVE_MEMBER_PAYMENT, 2);
        assertThat(hits).extracting(h -> h.get("orderIds")).containsExactlyInAnyOrder(List.of("O-1"), List.of("O-3"));
        assertThat(hits).allSatisfy(h -> assertThat(h.get("observed")).isEqualTo("FROZEN"));
    }

    @Test
    void aPaymentFromAClosedMemberFiresOncePerDay() {
        String member = newMember();
        try (ServicePublisher members = new ServicePublisher(SharedKafka.bootstrapServers())) {
            members.publish("/loyalty/member-service", new MemberStatusChanged(
                    MemberId.of(member), "default", MemberStatus.CLOSED, MemberStatus.ACTIVE, "on request", "ops-1", morning));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(member, "MonitoredStatusRecorded") == 1);
        orderSystem.orderPaid(member, "O-1", "10.00", morning.plus(Duration.ofMinutes(1)));
        orderSystem.orderPaid(member, "O-2", "10.00", morning.plus(Duration.ofHours(5)));
        orderSystem.orderPaid(member, "O-3", "10.00", morning.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));

        List<Map<String, Object>> hits = awaitAnomalies(member, AnomalyRule.INACTIVE_MEMBER_PAYMENT, 2);
        assertThat(hits).extracting(h -> h.get("orderIds")).containsExactlyInAnyOrder(List.of("O-1"), List.of("O-3"));
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.get("observed")).isEqualTo("CLOSED");
            assertThat(h.get("threshold")).isEqualTo("ACTIVE");
        });
        assertThat(hits).extracting(h -> h.get("windowStart")).containsExactlyInAnyOrder(
                morning.plus(Duration.ofMinutes(1)).toString(),
                morning.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)).toString());
    }

    /** The sixth payment within ten minutes fires; it comes again, redelivered and re-sent, and fires nothing. */
    @Test
    void aRedeliveredOrResentPaymentDoesNotFireHighFrequencyAgain() {
        String member = newMember();
        String sixth = null;
        for (int i = 0; i < 6; i++) {
            sixth = orderSystem.orderPaid(member, "O-" + i, "10.00", morning.plus(Duration.ofMinutes(i)));
        }
        awaitAnomalies(member, AnomalyRule.HIGH_FREQUENCY, 1);

        paidAgain(sixth, member, "O-5", "10.00", morning.plus(Duration.ofMinutes(5)));

        assertThat(stored(member, "MonitoredPaymentRecorded")).isEqualTo(6);
        assertThat(stored(member, "AnomalyRecorded")).isEqualTo(1);
        assertThat(anomalies(member, AnomalyRule.HIGH_FREQUENCY)).hasSize(1);
    }

    @Test
    void aRedeliveredOrResentNightPaymentDoesNotFireAgain() {
        String member = newMember();
        Instant threeAm = morning.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(5)); // 03:00 in Shanghai
        String first = orderSystem.orderPaid(member, "O-1", "10.00", threeAm);
        awaitAnomalies(member, AnomalyRule.NIGHT_PAYMENT, 1);

        paidAgain(first, member, "O-1", "10.00", threeAm);

        assertThat(stored(member, "MonitoredPaymentRecorded")).isEqualTo(1);
        assertThat(stored(member, "AnomalyRecorded")).isEqualTo(1);
        assertThat(anomalies(member, AnomalyRule.NIGHT_PAYMENT)).hasSize(1);
    }

    @Test
    void aRedeliveredOrResentRefundDoesNotFireAgain() {
        String member = newMember();
        orderSystem.orderPaid(member, "O-1", "1000.00", morning);
        String refund = orderSystem.orderRefunded(member, "O-1", "R-1", "600.00", morning.plus(Duration.ofHours(1)));
        awaitAnomalies(member, AnomalyRule.REFUND_RATIO, 1);

        orderSystem.send(Topics.ORDER_REFUNDED, refund, "OrderRefunded", member, morning.plus(Duration.ofHours(1)),
                refundJson(member, "O-1", "R-1", "600.00", morning.plus(Duration.ofHours(1)))); // redelivered
        awaitConsumed(orderSystem.orderRefunded(member, "O-1", "R-1", "600.00", morning.plus(Duration.ofHours(1))));

        assertThat(stored(member, "MonitoredRefundRecorded")).isEqualTo(1);
        assertThat(stored(member, "AnomalyRecorded")).isEqualTo(1);
        assertThat(anomalies(member, AnomalyRule.REFUND_RATIO)).singleElement()
                .satisfies(hit -> assertThat(hit.get("observed")).isEqualTo("600.00"));
    }

    /**
     * Five anomalies detected one after another (the clock moves between them) among whatever other
     * tests left: two pages hold them all once, in the documented order (newest detection first, ties
     * by id), and {@code total} is the exact count.
     */
    @Test
    @SuppressWarnings("unchecked")
    void thePagesHoldEveryAnomalyOnceNewestFirst() {
        String member = newMember();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            orderSystem.orderPaid(member, "O-" + i, "6000.00", morning.minus(Duration.ofDays(i)));
            awaitAnomalies(member, AnomalyRule.LARGE_PAYMENT, i + 1);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> all = jdbc.queryForList(
                    "select event_id from anomaly where rule = 'LARGE_PAYMENT'", String.class);
            int size = (all.size() + 1) / 2;
            Map<String, Object> first = http.getForObject(
                    "/anomalies?rule=LARGE_PAYMENT&page=0&size={size}", Map.class, size);
            Map<String, Object> second = http.getForObject(
                    "/anomalies?rule=LARGE_PAYMENT&page=1&size={size}", Map.class, size);
            List<Map<String, Object>> onFirst = (List<Map<String, Object>>) first.get("anomalies");
            List<Map<String, Object>> onSecond = (List<Map<String, Object>>) second.get("anomalies");

            assertThat(first).containsEntry("page", 0).containsEntry("size", size);
            assertThat(((Number) first.get("total")).longValue()).isEqualTo(all.size());
            assertThat(((Number) second.get("total")).longValue()).isEqualTo(all.size());
            assertThat(onFirst).hasSize(size);
            assertThat(onSecond).hasSize(all.size() - size);
            List<Map<String, Object>> both = new ArrayList<>(onFirst);
            both.addAll(onSecond);
            assertThat(both).extracting(a -> (String) a.get("id")).containsExactlyInAnyOrderElementsOf(all);
            assertThat(both).isSortedAccordingTo(Comparator.<Map<String, Object>, Instant>comparing(
                            a -> Instant.parse((String) a.get("detectedAt")), Comparator.reverseOrder())
                    .thenComparing(a -> (String) a.get("id")));
            assertThat(both).filteredOn(a -> member.equals(a.get("memberId")))
                    .extracting(a -> a.get("orderIds"))
                    .containsExactly(List.of("O-4"), List.of("O-3"), List.of("O-2"), List.of("O-1"), List.of("O-0"));
            // Asked again, a page is the same.
            assertThat((List<Map<String, Object>>) http.getForObject(
                                    "/anomalies?rule=LARGE_PAYMENT&page=0&size={size}", Map.class, size)
                            .get("anomalies"))
                    .isEqualTo(onFirst);
        });
    }

    @Test
    void aRedeliveredOrResentPaymentDoesNotFireAgain() {
        String member = newMember();
        String eventId = orderSystem.orderPaid(member, "O-1", "6000.00", morning);
        orderSystem.orderPaid(eventId, member, "O-1", "6000.00", morning); // redelivered: the same event id
        orderSystem.orderPaid(member, "O-1", "6000.00", morning); // re-sent with a new event id
        orderSystem.orderPaid(member, "O-marker", "10.00", morning.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(5)));

        awaitAnomalies(member, AnomalyRule.NIGHT_PAYMENT, 1); // the marker: the payments before it were applied
        assertThat(anomalies(member, AnomalyRule.LARGE_PAYMENT)).hasSize(1);
        try (TopicReader anomalies = new TopicReader(SharedKafka.bootstrapServers(), Topics.ANOMALIES)) {
            assertThat(published(anomalies, member, 2)).extracting(AnomalyDetected::rule)
                    .containsExactlyInAnyOrder(AnomalyRule.LARGE_PAYMENT, AnomalyRule.NIGHT_PAYMENT);
        }
    }

    @Test
    void theListIsPagedAndARuleOutsideTheContractIsA400NamingIt() {
        ResponseEntity<Map> page = http.getForEntity("/anomalies?page=0&size=1", Map.class);
        ResponseEntity<Map> badRule = http.getForEntity("/anomalies?rule=SOMETHING", Map.class);
        ResponseEntity<Map> tooBig = http.getForEntity("/anomalies?size=1000", Map.class);
        ResponseEntity<Map> blank = http.getForEntity("/anomalies?page=", Map.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).containsEntry("page", 0).containsEntry("size", 1).containsKey("total");
        assertThat((List<?>) page.getBody().get("anomalies")).hasSizeLessThanOrEqualTo(1);
        assertThat(badRule.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badRule.getBody().toString()).contains("rule");
        assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooBig.getBody().toString()).contains("size");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().toString()).contains("page");
    }

    /**
     * The payment as Kafka redelivers it (the same event id) and as the order system re-sends it (a new
     * one); returns once the re-sent one, and so the redelivered one before it on the member's partition,
     * was consumed (its inbox row is committed with what it did).
     */
    private void paidAgain(String eventId, String member, String order, String amount, Instant paidAt) {
        orderSystem.orderPaid(eventId, member, order, amount, paidAt);
        awaitConsumed(orderSystem.orderPaid(member, order, amount, paidAt));
    }

    private void awaitConsumed(String eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                        "select count(*) from inbox_message where event_id = ?", Long.class, eventId)
                > 0);
    }

    /** How many events of {@code type} the member's payment monitor has stored. */
    private long stored(String member, String type) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class,
                PaymentMonitor.idOf(MemberId.of(member)),
                "%." + type);
    }

    private static String refundJson(String member, String order, String refund, String amount, Instant refundedAt) {
        return "{\"refundId\":\"" + refund + "\",\"orderId\":\"" + order + "\",\"memberId\":\"" + member
                + "\",\"programId\":\"default\",\"amount\":{\"value\":\"" + amount
                + "\",\"currency\":\"CNY\"},\"refundedAt\":\"" + refundedAt + "\"}";
    }

    private double detected(AnomalyRule rule) {
        var counter = meters.find("loyalty.member.anomalies.detected").tag("rule", rule.name()).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Waits until the member has {@code count} anomalies of the rule, then returns them (and checks there are no more). */
    private List<Map<String, Object>> awaitAnomalies(String member, AnomalyRule rule, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> anomalies(member, rule).size() >= count);
        List<Map<String, Object>> hits = anomalies(member, rule);
        assertThat(hits).hasSize(count);
        return hits;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> anomalies(String member, AnomalyRule rule) {
        Map<String, Object> page = http.getForObject("/anomalies?rule={rule}&size=200", Map.class, rule.name());
        return ((List<Map<String, Object>>) page.get("anomalies")).stream()
                .filter(a -> member.equals(a.get("memberId")))
                .toList();
    }

    private static List<AnomalyDetected> published(TopicReader anomalies, String member, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> anomalies.matching(TopicReader.keyed(member)).size() >= count);
        return anomalies.matching(TopicReader.keyed(member)).stream()
                .map(r -> (AnomalyDetected) CloudEventCodec.fromRecord(r).data())
                .toList();
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}

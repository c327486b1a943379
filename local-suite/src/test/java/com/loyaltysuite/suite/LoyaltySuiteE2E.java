package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedDatabase;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TestTokens;
import com.loyaltysuite.testsupport.TopicReader;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * All five services against one broker and one PostgreSQL server, driven only as the order system
 * (Kafka) and a support agent (HTTP) would drive them.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoyaltySuiteE2E {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static LoyaltySuite suite;
    static OrderSystem orderSystem;
    /** A support agent's client, with a token from the test issuer the services trust. */
    final TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().additionalInterceptors(
            (request, body, execution) -> {
                request.getHeaders().setBearerAuth(TestTokens.staff());
                return execution.execute(request, body);
            }));

    @BeforeAll
    static void startSuite() {
        SharedDatabase.Coordinates db = SharedDatabase.coordinates();
        suite = LoyaltySuite.start(new SuiteSettings(
                SharedKafka.bootstrapServers(), db.url(), db.username(), db.password(), "127.0.0.1",
                smtp.getSmtp().getPort(), SuiteSettings.ANY_FREE_PORTS, null));
        orderSystem = new OrderSystem(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void stopSuite() {
        orderSystem.close();
        suite.close();
    }

    @Test
    void aPurchaseBecomesPointsATierChangeAGiftAndAnEmailCountingARepeatedOrderOnce(CapturedOutput logs)
            throws Exception {
        String member = "M-e2e-" + UUID.randomUUID();
        ResponseEntity<Map> registered = http.postForEntity(
                suite.url("member") + "/members",
                Map.of(
                        "memberId", member,
                        "name", "张伟",
                        "mobile", "+8613800000001",
                        "email", "zhang.wei@example.com",
                        "birthday", "1992-03-04",
                        "consents", Map.of("sms", true, "email", true)),
                Map.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Instant paidAt = Instant.parse("2026-11-23T10:00:00Z");
        orderSystem.orderPaid(member, "O-1", "300.00", paidAt);
        String secondOrderEvent = orderSystem.orderPaid(member, "O-2", "300.00", paidAt.plusSeconds(60));
        orderSystem.orderPaid(secondOrderEvent, member, "O-2", "300.00", paidAt.plusSeconds(60)); // redelivered
        orderSystem.orderPaid(member, "O-2", "300.00", paidAt.plusSeconds(60)); // re-sent, new event id
        // Paid before the promotion, arriving last: earns at the 普通 rate whatever the arrival order.
        orderSystem.orderPaid(member, "O-3", "50.50", paidAt.plusSeconds(30));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(json(suite.url("points")
                        + "/members/" + member + "/points"))
                .containsEntry("balance", 650));

        try (TopicReader tiers = new TopicReader(SharedKafka.bootstrapServers(), Topics.TIERS)) {
            var records = tiers.awaitRecords(TopicReader.keyed(member));
            assertThat(records).hasSize(1);
            assertThat(CloudEventCodec.fromRecord(records.get(0)).data())
                    .isInstanceOfSatisfying(TierChanged.class, changed -> {
                        assertThat(changed.fromTier()).isEqualTo("MEMBER");
                        assertThat(changed.toTier()).isEqualTo("SILVER");
                        assertThat(changed.reason()).isEqualTo(TierChangeReason.QUALIFIED);
                        assertThat(changed.effectiveAt()).isEqualTo(paidAt.plusSeconds(60));
                    });
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        json(suite.url("tier") + "/members/" + member + "/tier"))
                .containsEntry("tier", "SILVER"));
        // With the history, so the pack's 90 days of validity after the fixed paidAt do not matter.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        list(suite.url("benefit") + "/members/" + member + "/benefits?include=history"))
                .extracting(benefit -> benefit.get("code"))
                .contains("MEMBER_PRICE_98", "PRIORITY_DELIVERY", "SILVER_PACK_20", "SILVER_PACK_10_99"));
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo("zhang.wei@example.com").size() == 1);
        assertThat(mailsTo("zhang.wei@example.com").get(0).getSubject()).contains("银牌");

        assertThat(json(suite.url("points") + "/members/" + member + "/points")).containsEntry("balance", 650);
        // The member 360 view gathers the same from the real services, in one call to member-service.
        Map<String, Object> overview = await().atMost(Duration.ofSeconds(60))
                .until(() -> json(suite.url("member") + "/members/" + member + "/overview"),
                        view -> Boolean.TRUE.equals(view.get("complete")));
        assertThat(overview.get("parts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).satisfies(parts -> {
            assertThat((Map<String, Object>) ((Map<String, Object>) parts.get("points")).get("data"))
                    .containsEntry("balance", 650);
            assertThat((Map<String, Object>) ((Map<String, Object>) parts.get("tier")).get("data"))
                    .containsEntry("tier", "SILVER");
            assertThat((List<Object>) ((Map<String, Object>) parts.get("benefits")).get("data"))
                    .isNotEmpty();
            // member-service scored the same orders: three paid, recent, 650.50 CNY
            assertThat((Map<String, Object>) ((Map<String, Object>) parts.get("segment")).get("data"))
                    .containsKey("segment");
        });

        // Everything the five services logged meanwhile, at every level they log at: no contact details.
        // (GreenMail, this test's mail server, logs the addresses it receives for; it is not the suite.)
        String suiteLogs = logs.getAll()
                .lines()
                .filter(line -> !line.contains("c.icegreen.greenmail"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(suiteLogs)
                .as("personal data in the logs")
                .doesNotContain("+8613800000001", "8613800000001", "zhang.wei@example.com", "张伟");
    }

    /**
     * The order system's worst day, interleaved with good orders: every consumer of the order topic
     * dead-letters each hostile record once, with its reason, and the good orders behind them earn.
     */
    @Test
    void hostileRecordsAreEachDeadLetteredOnceByEveryConsumerAndTheGoodOrdersFlowOn() throws Exception {
        String member = "M-hostile-" + UUID.randomUUID();
        String oddMember = "M " + UUID.randomUUID() + "/x";
        Instant paidAt = Instant.parse("2026-11-24T10:00:00Z");
        Map<String, String> reasons = new java.util.LinkedHashMap<>();

        orderSystem.orderPaid(member, member + "-GOOD-1", "100.00", paidAt);
        String malformed = hostile(member, "OrderPaid", "{\"orderId\":".getBytes(java.nio.charset.StandardCharsets.UTF_8), paidAt);
        reasons.put(malformed, "data is not JSON");
        orderSystem.raw(Topics.ORDER_PAID, member, Map.of("content-type", "application/json"),
                OrderSystem.orderPaidJson(member, member + "-NO-HEADERS", "10.00", paidAt).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        reasons.put("no ce_id", "Not a CloudEvents 1.0 record");
        String noAmount = hostile(member, "OrderPaid", OrderSystem.orderPaidJson(member, member + "-NO-AMOUNT", "10.00", paidAt)
                .replaceFirst("\"amount\":\\{[^}]*},", ""), paidAt);
        reasons.put(noAmount, "violates its schema");
        orderSystem.orderPaid(member, member + "-GOOD-2", "100.00", paidAt.plusSeconds(60));
        String unknownType = hostile(member, "OrderTeleported", OrderSystem.orderPaidJson(member, member + "-TELEPORTED", "10.00", paidAt), paidAt);
        reasons.put(unknownType, "Unknown ce_type");
        String negative = hostile(member, "OrderPaid", OrderSystem.orderPaidJson(member, member + "-NEGATIVE", "-5.00", paidAt), paidAt);
        reasons.put(negative, "is negative");
        String absurd = hostile(member, "OrderPaid",
                OrderSystem.orderPaidJson(member, member + "-ABSURD", "1234567890123456789012345678901234567890", paidAt), paidAt);
        reasons.put(absurd, "integer digits");
        String overPrecise = hostile(member, "OrderPaid", OrderSystem.orderPaidJson(member, member + "-PRECISE", "10.001", paidAt), paidAt);
        reasons.put(overPrecise, "decimals for CNY");
        String oversize = hostile(member, "OrderPaid", ("{\"orderId\":\"" + "x".repeat(1_044_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8), paidAt);
        String odd = UUID.randomUUID().toString();
        orderSystem.send(Topics.ORDER_PAID, odd, "OrderPaid", oddMember, paidAt,
                OrderSystem.orderPaidJson(oddMember, member + "-ODD", "10.00", paidAt));
        reasons.put(odd, "memberId");
        orderSystem.orderPaid(member, member + "-GOOD-3", "100.00", paidAt.plusSeconds(120));

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                        json(suite.url("points") + "/members/" + member + "/points"))
                .containsEntry("balance", 300));
        List<String> consumers = List.of("points-service", "tier-service", "member-service");
        try (TopicReader deadLetters = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ORDER_PAID))) {
            java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> ours =
                    r -> member.equals(r.key()) || oddMember.equals(r.key());
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> deadLetters.matching(ours).size(), count -> count >= reasons.size() * consumers.size());
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> dead = deadLetters.matching(ours);
            assertThat(dead).hasSize(reasons.size() * consumers.size());
            for (String consumer : consumers) {
                Map<String, String> seen = new java.util.HashMap<>();
                dead.stream().filter(r -> consumer.equals(header(r, "kafka_dlt-original-consumer-group"))).forEach(r -> {
                    String id = header(r, "ce_id") == null ? "no ce_id" : header(r, "ce_id");
                    assertThat(seen.put(id, header(r, "kafka_dlt-exception-message"))).as(consumer + " " + id).isNull();
                });
                assertThat(seen.keySet()).as(consumer).containsExactlyInAnyOrderElementsOf(reasons.keySet());
                reasons.forEach((id, reason) -> assertThat(seen.get(id)).as(consumer + " " + id).contains(reason)
                        .hasSizeLessThanOrEqualTo(1_000));
            }
        }
        // Too large for the dead-letter topic once its reason is added: kept in each consumer's table.
        SharedDatabase.Coordinates db = SharedDatabase.coordinates();
        try (var connection = java.sql.DriverManager.getConnection(db.url(), db.username(), db.password())) {
            for (String schema : List.of("points", "tier", "member")) {
                try (var query = connection.prepareStatement("select count(*) from " + schema + ".dead_letter where event_id = ?")) {
                    query.setString(1, oversize);
                    try (var rows = query.executeQuery()) {
                        rows.next();
                        assertThat(rows.getInt(1)).as(schema).isEqualTo(1);
                    }
                }
            }
        }
        assertThat(http.getForObject(suite.url("points") + "/actuator/prometheus", String.class))
                .containsPattern("loyalty_events_dead_lettered_total\\{application=\"points-service\",reason=\"InvalidEventException\",to=\"table\",topic=\"orders.order-paid.v1\"} [1-9]");
    }

    /** Publishes {@code body} as the order system would, with a type of our choosing; returns its ce_id. */
    private static String hostile(String member, String type, byte[] body, Instant time) {
        String id = UUID.randomUUID().toString();
        orderSystem.raw(Topics.ORDER_PAID, member, OrderSystem.headers(id, type, member, time), body);
        return id;
    }

    private static String hostile(String member, String type, String json, Instant time) {
        return hostile(member, type, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), time);
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void everyServiceIsHealthy() {
        for (String service : LoyaltySuite.SERVICES.keySet()) {
            assertThat(json(suite.url(service) + "/actuator/health")).as(service).containsEntry("status", "UP");
        }
    }

    private Map<String, Object> json(String url) {
        ResponseEntity<Map> response = http.getForEntity(url, Map.class);
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Map<String, Object>> list(String url) {
        ResponseEntity<List> response = http.getForEntity(url, List.class);
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return java.util.Arrays.stream(message.getAllRecipients())
                                .anyMatch(r -> r.toString().contains(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}

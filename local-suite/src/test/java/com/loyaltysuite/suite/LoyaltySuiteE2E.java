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
    /** The SMS gateway notification-service sends to: the local run's catcher. */
    static SmsCatcher sms;
    /** A support agent's client, with a token from the test issuer the services trust. */
    final TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().additionalInterceptors(
            (request, body, execution) -> {
                request.getHeaders().setBearerAuth(TestTokens.staff());
                return execution.execute(request, body);
            }));

    @BeforeAll
    static void startSuite() throws Exception {
        sms = SmsCatcher.start(0, "local-secret");
        // read by notification-service's config (as the local run does), so its SMS really go out
        System.setProperty("LOYALTY_SMS_BASE_URL", sms.baseUrl());
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
        sms.close();
        System.clearProperty("LOYALTY_SMS_BASE_URL");
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
        // (GreenMail, this test's mail server, logs the addresses it receives for, and the SMS catcher,
        // this test's SMS gateway, the texts it receives; neither is the suite.)
        String suiteLogs = logs.getAll()
                .lines()
                .filter(line -> !line.contains("c.icegreen.greenmail") && !line.contains("SmsCatcher"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(suiteLogs)
                .as("personal data in the logs")
                .doesNotContain("+8613800000001", "8613800000001", "zhang.wei@example.com", "张伟");
    }

    /**
     * Erasure end to end (个人信息删除): a member with points, a tier change, benefits, an SMS and an email
     * is erased through member-service; afterwards no service's member-facing API, whoever asks, answers
     * the mobile or the email, and nothing on the member topic carries them in clear; the points and
     * tier history stay, under the member id alone.
     */
    @Test
    void afterErasureNoServiceAnswersTheMobileOrEmailAndThePointsAndTierHistoryStayAnonymous() throws Exception {
        String member = "M-erase-" + UUID.randomUUID();
        String national = "139" + String.format("%08d", new java.util.Random().nextInt(100_000_000));
        String mobile = "+86" + national;
        String email = "erase." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ResponseEntity<Map> registered = http.postForEntity(
                suite.url("member") + "/members",
                Map.of(
                        "memberId", member,
                        "name", "李娜",
                        "mobile", mobile,
                        "email", email,
                        "birthday", "1990-06-07",
                        "consents", Map.of("sms", true, "email", true)),
                Map.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Instant paidAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        orderSystem.orderPaid(member, member + "-O-1", "350.00", paidAt);
        orderSystem.orderPaid(member, member + "-O-2", "300.00", paidAt.plusSeconds(60)); // 650 CNY: 银牌

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                        json(suite.url("points") + "/members/" + member + "/points"))
                .containsEntry("balance", 650));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                        json(suite.url("tier") + "/members/" + member + "/tier"))
                .containsEntry("tier", "SILVER"));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                        list(suite.url("benefit") + "/members/" + member + "/benefits?include=history"))
                .extracting(benefit -> benefit.get("code"))
                .contains("SILVER_PACK_20"));
        // Really sent: the transaction SMS (one per order) to the member's number, the tier email to the address.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                        list(suite.url("notification") + "/members/" + member + "/notifications"))
                .filteredOn(n -> "SENT".equals(n.get("status")))
                .extracting(n -> n.get("channel"))
                .contains("SMS", "EMAIL"));
        assertThat(smsPage()).contains("To:       " + mobile);
        await().atMost(Duration.ofSeconds(60)).until(() -> !mailsTo(email).isEmpty());
        // Before: member-service does answer them to support staff, so the checks below can fail.
        assertThat(body(suite.url("member") + "/members/" + member, TestTokens.staff())).contains(mobile, email);

        ResponseEntity<Void> erased = http.exchange(
                suite.url("member") + "/members/" + member + "?reason=member request",
                org.springframework.http.HttpMethod.DELETE,
                null,
                Void.class);
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        List<String> memberFacing = List.of(
                suite.url("member") + "/members/" + member,
                suite.url("member") + "/members/" + member + "/overview",
                suite.url("member") + "/members/" + member + "/consents/history?size=200",
                suite.url("member") + "/members/" + member + "/segment",
                suite.url("points") + "/members/" + member + "/points",
                suite.url("points") + "/members/" + member + "/points/ledger?size=200",
                suite.url("tier") + "/members/" + member + "/tier",
                suite.url("tier") + "/members/" + member + "/tier/history",
                suite.url("benefit") + "/members/" + member + "/benefits?include=history",
                suite.url("notification") + "/members/" + member + "/notifications");
        // Whoever asks: support staff (who see contact details in full) and the member's own token.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String url : memberFacing) {
                for (String token : List.of(TestTokens.staff(), TestTokens.member(member))) {
                    assertThat(body(url, token)).as(url).doesNotContain(mobile, national, email);
                }
            }
        });

        // The history stays, anonymous: the points and their ledger, the tier and its decisions.
        assertThat(json(suite.url("points") + "/members/" + member + "/points")).containsEntry("balance", 650);
        assertThat((List<Map<String, Object>>) json(suite.url("points") + "/members/" + member + "/points/ledger?size=200")
                        .get("entries"))
                .extracting(entry -> entry.get("kind"), entry -> entry.get("orderId"))
                .contains(org.assertj.core.groups.Tuple.tuple("EARNED", member + "-O-1"),
                        org.assertj.core.groups.Tuple.tuple("EARNED", member + "-O-2"));
        assertThat(json(suite.url("tier") + "/members/" + member + "/tier")).containsEntry("tier", "SILVER");
        assertThat((List<Map<String, Object>>) json(suite.url("tier") + "/members/" + member + "/tier/history")
                        .get("decisions"))
                .extracting(decision -> decision.get("toTier"))
                .contains("SILVER");

        // The member topic from its beginning, every record's key, headers and value as stored.
        List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> records = await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> everyRecordOf(Topics.MEMBERS), all -> all.stream()
                        .anyMatch(r -> member.equals(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8))
                                && "MemberErased".equals(headerOf(r, "ce_type"))));
        assertThat(records)
                .filteredOn(r -> member.equals(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8)))
                .extracting(r -> headerOf(r, "ce_type"))
                .contains("MemberRegistered", "MemberErased");
        for (var record : records) {
            String raw = rawText(record);
            assertThat(raw)
                    .as("record at offset %d of partition %d", record.offset(), record.partition())
                    .doesNotContain(mobile, national, email);
        }
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

    /** The raw body {@code url} answers the caller with {@code token}, whatever its status. */
    private String body(String url, String token) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(token);
        ResponseEntity<String> response = new TestRestTemplate().exchange(
                url, org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class);
        return String.valueOf(response.getBody());
    }

    private static String smsPage() throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sms.baseUrl().replace("/sms", "/"))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Every record on {@code topic} up to its current end, read with a plain consumer from the beginning. */
    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> everyRecordOf(String topic) {
        var byteArrays = new org.apache.kafka.common.serialization.ByteArrayDeserializer();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                Map.<String, Object>of(
                        org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                byteArrays,
                byteArrays)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }

    /** The record's key, header values and value as text: personal data in clear would show in it. */
    private static String rawText(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record) {
        StringBuilder raw = new StringBuilder();
        if (record.key() != null) {
            raw.append(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8));
        }
        for (var header : record.headers()) {
            raw.append('\n').append(header.key()).append('=');
            if (header.value() != null) {
                raw.append(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (record.value() != null) {
            raw.append('\n').append(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return raw.toString();
    }

    private static String headerOf(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
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

package com.loyaltysuite.suite;

import com.loyaltysuite.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a newcomer watches: three members register over HTTP, then the "order system" publishes
 * their orders to Kafka exactly as the input contract says, a few seconds apart, including one order
 * sent twice. Afterwards it prints what each service says about each member.
 */
final class DemoTraffic {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final Duration PACE = Duration.ofSeconds(2);

    record DemoMember(String id, String name, String mobile, String email, boolean emailConsent, boolean birthdayToday) {}

    record DemoOrder(String memberId, String orderId, String amount, String expectation) {}

    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("demo-li-lei", "李雷", "+8613800138000", "li.lei@example.com", true, false),
            // Her birthday is today: a 生日祝福 SMS at 10:00 (at once if later; after quiet hours at night).
            new DemoMember("demo-han-meimei", "韩梅梅", "+8613900139000", "han.meimei@example.com", true, true),
            new DemoMember("demo-wang-xiaoming", "王小明", "+8613700137000", "wang.xiaoming@example.com", false, false));

    static final List<DemoOrder> ORDERS = List.of(
            new DemoOrder("demo-li-lei", "DEMO-1001", "300.00", "李雷 earns 300 points; still 普通"),
            new DemoOrder("demo-li-lei", "DEMO-1002", "300.00", "李雷 reaches 600 CNY: 银牌, upgrade gift, email"),
            new DemoOrder("demo-li-lei", "DEMO-1002", "300.00", "the same order re-sent with a new event id: counted once"),
            new DemoOrder("demo-han-meimei", "DEMO-2001", "6000.00", "韩梅梅 jumps straight to 钻石 (one TierChanged)"),
            new DemoOrder("demo-wang-xiaoming", "DEMO-3001", "800.00", "王小明 reaches 银牌; he declined marketing email, but the tier email is about his own account: it goes out"),
            new DemoOrder("demo-li-lei", "DEMO-1003", "1500.00", "李雷 reaches 2100 CNY: 金牌, second gift, email"));

    private final HttpClient http = HttpClient.newHttpClient();
    private final LoyaltySuite suite;
    private final String kafkaBootstrap;
    private final ClientTokens tokens;

    DemoTraffic(LoyaltySuite suite, String kafkaBootstrap, ClientTokens tokens) {
        this.suite = suite;
        this.kafkaBootstrap = kafkaBootstrap;
        this.tokens = tokens;
    }

    void run() throws IOException, InterruptedException {
        for (DemoMember member : MEMBERS) {
            HttpResponse<String> response =
                    post(suite.url("member") + "/members", registration(member), tokens.token("support-console"));
            log.info("DEMO registered {} ({}): HTTP {}", member.name(), member.id(), response.statusCode());
            if (member.birthdayToday()) {
                log.info("DEMO {}'s birthday is today: the SMS catcher shows her 生日祝福 from 10:00 (Asia/Shanghai)", member.name());
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (DemoOrder order : ORDERS) {
                // Pacing, so a person can follow each step in the log; nothing waits on it.
                TimeUnit.MILLISECONDS.sleep(PACE.toMillis());
                producer.send(orderPaid(order)).get(30, TimeUnit.SECONDS);
                log.info("DEMO OrderPaid {} {} CNY for {} -> {}", order.orderId(), order.amount(), order.memberId(), order.expectation());
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("Could not publish demo orders", e);
        }
        awaitLastOrderApplied();
        for (DemoMember member : MEMBERS) {
            log.info(
                    "DEMO {}: points {} | tier {} | benefits {}",
                    member.name(),
                    get(suite.url("points") + "/members/" + member.id() + "/points"),
                    get(suite.url("tier") + "/members/" + member.id() + "/tier"),
                    get(suite.url("benefit") + "/members/" + member.id() + "/benefits"));
        }
        // A member's own token reads their own data, and nobody else's.
        String own = get(suite.url("points") + "/members/demo-li-lei/points", tokens.token("demo-li-lei"));
        int others = status(suite.url("points") + "/members/demo-han-meimei/points", tokens.token("demo-li-lei"));
        log.info("DEMO 李雷 with his own token: his points {}; 韩梅梅's points: HTTP {}", own, others);
    }

    /** The last order is 李雷's 金牌 promotion; once his gift is granted the story is complete. */
    private void awaitLastOrderApplied() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String benefits = suite.url("benefit") + "/members/demo-li-lei/benefits";
        while (!get(benefits).contains("GOLD") && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private static String registration(DemoMember m) {
        return "{\"memberId\":\"" + m.id() + "\",\"name\":\"" + m.name() + "\",\"mobile\":\"" + m.mobile()
                + "\",\"email\":\"" + m.email() + "\",\"birthday\":\"" + birthday(m) + "\",\"consents\":{\"sms\":true,\"email\":"
                + m.emailConsent() + "}}";
    }

    /** Today's date in the programme's zone, in 1995, for the member whose birthday the demo shows. */
    private static java.time.LocalDate birthday(DemoMember m) {
        return m.birthdayToday()
                ? java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).withYear(1995)
                : java.time.LocalDate.of(1995, 6, 18);
    }

    private static ProducerRecord<String, byte[]> orderPaid(DemoOrder order) {
        Instant paidAt = Instant.now();
        String json = "{\"orderId\":\"" + order.orderId() + "\",\"memberId\":\"" + order.memberId()
                + "\",\"programId\":\"default\",\"amount\":{\"value\":\"" + order.amount()
                + "\",\"currency\":\"CNY\"},\"paidAt\":\"" + paidAt + "\",\"channel\":\"APP\"}";
        var record = new ProducerRecord<>(Topics.ORDER_PAID, order.memberId(), json.getBytes(StandardCharsets.UTF_8));
        Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", UUID.randomUUID().toString(),
                        "ce_type", "OrderPaid",
                        "ce_source", "/order-system",
                        "ce_subject", order.memberId(),
                        "ce_time", paidAt.toString(),
                        "content-type", "application/json")
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private HttpResponse<String> post(String url, String json, String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Read as support staff would. */
    private String get(String url) throws IOException, InterruptedException {
        return get(url, tokens.token("support-console"));
    }

    private String get(String url, String token) throws IOException, InterruptedException {
        return send(url, token).body();
    }

    private int status(String url, String token) throws IOException, InterruptedException {
        return send(url, token).statusCode();
    }

    private HttpResponse<String> send(String url, String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

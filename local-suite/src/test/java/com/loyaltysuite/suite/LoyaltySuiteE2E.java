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

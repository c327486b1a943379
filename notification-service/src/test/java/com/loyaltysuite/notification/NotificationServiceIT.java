package com.loyaltysuite.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.anomaly.AnomalyDetected;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.ConsentPurpose;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberDataKey;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.events.notification.NotificationSent;
import com.loyaltysuite.events.points.PointsAdjusted;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsExpired;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.notification.channel.SmsGateway;
import com.loyaltysuite.notification.delivery.MessageTemplates;
import com.loyaltysuite.support.crypto.PersonalDataCipher;
import com.loyaltysuite.testsupport.ApiDocsCheck;
import com.loyaltysuite.testsupport.EndpointFuzz;
import com.loyaltysuite.testsupport.EndpointSecurityWalk;
import com.loyaltysuite.testsupport.ServicePublisher;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TopicReader;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * notification-service against the embedded KRaft broker, PostgreSQL and a GreenMail SMTP server,
 * fed member, tier and points events exactly as member-service, tier-service and points-service
 * publish them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class NotificationServiceIT {

    static final Instant VALID_UNTIL = Instant.parse("2027-11-23T10:00:00Z");

    /**
     * The birthday of the members most tests register: half a year from the day the run starts, so no
     * birthday greeting joins their logs however far the tests drive the clock.
     */
    static final LocalDate BIRTHDAY_NOT_SOON =
            LocalDate.now(ShiftedClock.PROGRAMME_ZONE).plusMonths(6).withYear(1990);

    static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");

    /** The merchant address the daily report goes to (NotificationTestInfrastructure). */
    static final String MERCHANT = NotificationTestInfrastructure.MERCHANT;
    static final String OPERATIONS = NotificationTestInfrastructure.OPERATIONS;

    /** Deliveries not settled yet: waiting for the contact, for their dispatcher, or being sent. */
    static final List<String> UNDECIDED = List.of("WAITING_FOR_CONTACT", "PENDING", "SENDING");

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static ServicePublisher producer;

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MessageTemplates templates;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @BeforeAll
    static void connect() {
        producer = new ServicePublisher(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    // Here rather than in classes of their own: a second application context in this JVM (GreenMail's
    // port makes this one differ) would join the consumer group and take half the partitions.
    @Test
    void everyEndpointAnswersOnlyTheScopesItDeclares() {
        assertThat(EndpointSecurityWalk.check(port, mapping)).isNotEmpty();
    }

    @Test
    void everyEndpointIsDocumentedWithItsErrorsAndScopes() {
        assertThat(ApiDocsCheck.check(port, mapping).path("openapi").asText()).startsWith("3.");
    }

    @Test
    void invalidRequestsGet4xxAndChangeNothing() {
        assertThat(EndpointFuzz.check(port, mapping, 25)).isNotEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier like ?",
                        Long.class,
                        EndpointFuzz.MEMBER_PREFIX + "%"))
                .isZero();
    }

    @Test
    void aTierChangeEmailsAConsentingMemberLogsItAndPublishesNotificationSent() throws Exception {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, true);
        String tierEventId = tierChanged(member, "MEMBER", "SILVER");

        List<MimeMessage> mails = awaitMails(address, 1);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("恭喜您升级为银牌会员");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("loyalty@shop.example");
        assertThat(mail.getContent().toString())
                .contains("尊敬的张三")
                .contains("恭喜您升级为银牌会员")
                .contains("有效期至2027年11月23日");

        List<Map<String, Object>> log = awaitLog(member, 1);
        assertThat(log.get(0))
                .containsEntry("status", "SENT")
                .containsEntry("channel", "EMAIL")
                .containsEntry("template", "tier-changed")
                .containsEntry("recipient", address)
                .containsEntry("causationId", tierEventId);
        assertThat(mail.getHeader("X-Loyalty-Notification-Id")[0]).isEqualTo(log.get(0).get("notificationId"));

        try (TopicReader notifications = new TopicReader(SharedKafka.bootstrapServers(), Topics.NOTIFICATIONS)) {
            var records = notifications.awaitRecords(TopicReader.keyed(member));
            assertThat(records).hasSize(1);
            EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(records.get(0));
            assertThat(envelope.source().toString()).isEqualTo("/loyalty/notification-service");
            assertThat(envelope.data()).isInstanceOfSatisfying(NotificationSent.class, sent -> {
                assertThat(sent.memberId()).isEqualTo(MemberId.of(member));
                assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
                assertThat(sent.template()).isEqualTo("tier-changed");
                assertThat(sent.causationId()).isEqualTo(tierEventId);
                assertThat(sent.notificationId()).isEqualTo(log.get(0).get("notificationId"));
            });
        }
    }

    @Test
    void aMemberWithoutEmailConsentGetsNoEmailButASkippedDelivery() {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, false);
        tierChanged(member, "MEMBER", "SILVER");

        List<Map<String, Object>> log = awaitLog(member, 1);
        assertThat(log.get(0))
                .containsEntry("status", "SKIPPED")
                .containsEntry("reason", "member has not consented to transactional email")
                .containsEntry("recipient", null);
        // The decision to skip was committed in the transaction that would have sent the mail.
        assertThat(mailsTo(address)).isEmpty();
    }

    @Test
    void aWithdrawnConsentStopsTheEmail() {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, true);
        publish("/loyalty/member-service", new ConsentChanged(
                MemberId.of(member), "default", Channel.EMAIL, false, Instant.parse("2026-11-22T08:00:00Z"),
                ConsentPurpose.TRANSACTIONAL, "member"));
        // Member and tier events travel on different topics, and nothing shows when the withdrawal is
        // applied: tier changes keep coming until one finds it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            tierChanged(member, "MEMBER", "SILVER");
            return deliveries(member).stream().anyMatch(entry -> "SKIPPED".equals(entry.get("status")));
        });

        assertThat(deliveries(member).get(0))
                .containsEntry("status", "SKIPPED")
                .containsEntry("reason", "member has not consented to transactional email");
    }

    @Test
    void theSameTierChangedDeliveredTwiceMailsOnce() throws Exception {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, true);
        String eventId = UUID.randomUUID().toString();
        TierChanged toSilver = change(member, "MEMBER", "SILVER");
        publish(eventId, "/loyalty/tier-service", toSilver);
        publish(eventId, "/loyalty/tier-service", toSilver); // redelivered
        tierChanged(member, "SILVER", "GOLD"); // a marker behind them, on the same partition

        List<Map<String, Object>> log = awaitLog(member, 2);
        assertThat(log).extracting(entry -> entry.get("status")).containsOnly("SENT");
        List<MimeMessage> mails = awaitMails(address, 2);
        assertThat(mails).hasSize(2);
        assertThat(mails.stream().map(NotificationServiceIT::subject))
                .containsExactlyInAnyOrder("恭喜您升级为银牌会员", "恭喜您升级为金牌会员");
    }

    @Test
    void aTierChangeOvertakingTheRegistrationWaitsInTheLogAndIsMailedOnceTheContactArrives() throws Exception {
        String member = newMember();
        String address = addressOf(member);
        String tierEventId = tierChanged(member, "MEMBER", "SILVER");

        Map<String, Object> waiting = awaitLogWithWaiting(member, 1).get(0);
        assertThat(waiting)
                .containsEntry("status", "WAITING_FOR_CONTACT")
                .containsEntry("template", "tier-changed")
                .containsEntry("recipient", null)
                .containsEntry("causationId", tierEventId);
        assertThat((String) waiting.get("reason")).startsWith("no contact details known yet");

        registered(member, address, true);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(deliveries(member).get(0)).containsEntry("status", "SENT"));
        List<Map<String, Object>> log = deliveries(member);
        assertThat(log).hasSize(1);
        assertThat(log.get(0))
                .containsEntry("notificationId", waiting.get("notificationId"))
                .containsEntry("recipient", address)
                .containsEntry("causationId", tierEventId)
                .containsEntry("reason", null);
        List<MimeMessage> mails = awaitMails(address, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("恭喜您升级为银牌会员");
        try (TopicReader notifications = new TopicReader(SharedKafka.bootstrapServers(), Topics.NOTIFICATIONS)) {
            var records = notifications.awaitRecords(TopicReader.keyed(member));
            assertThat(records).hasSize(1);
            assertThat(CloudEventCodec.fromRecord(records.get(0)).data())
                    .isInstanceOfSatisfying(NotificationSent.class, sent -> {
                        assertThat(sent.causationId()).isEqualTo(tierEventId);
                        assertThat(sent.notificationId()).isEqualTo(waiting.get("notificationId"));
                    });
        }
    }

    @Test
    void aTierChangeWaitingForAMemberWhoDeclinedMarketingEmailGoesOutWhenTheContactArrives() {
        String member = newMember();
        String address = addressOf(member);
        tierChanged(member, "MEMBER", "SILVER");
        assertThat(awaitLogWithWaiting(member, 1).get(0)).containsEntry("status", "WAITING_FOR_CONTACT");

        // The registration's consents are the marketing ones: a tier change is about the member's own
        // account (transactional), consented to with membership.
        registeredDecliningMarketing(member, address, true);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(deliveries(member).get(0)).containsEntry("status", "SENT"));
        assertThat(deliveries(member)).hasSize(1);
        assertThat(mailsTo(address)).hasSize(1);
    }

    @Test
    void anAnomalyIsMailedToTheOperationsContactOnceEvenWhenRedelivered() throws Exception {
        String member = newMember();
        String eventId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-19T18:30:00Z");
        AnomalyDetected anomaly = new AnomalyDetected(MemberId.of(member), "default", AnomalyRule.LARGE_PAYMENT, at,
                at.plus(Duration.ofDays(1)), List.of(OrderId.of("O-big-" + member)), "6000.00", "5000", "CNY",
                "A payment of 6000.00 CNY is above the 5000 CNY threshold", at, List.of(UUID.randomUUID().toString()));

        publish(eventId, "/loyalty/member-service", anomaly);
        publish(eventId, "/loyalty/member-service", anomaly); // redelivered

        String subject = "异常监控：LARGE_PAYMENT 会员 " + member;
        MimeMessage alert = await().atMost(Duration.ofSeconds(60))
                .until(() -> mailsTo(OPERATIONS).stream().filter(m -> subject.equals(subject(m))).toList(),
                        mails -> !mails.isEmpty())
                .get(0);
        assertThat(alert.getContent().toString())
                .contains("O-big-" + member)
                .contains("6000.00 CNY（阈值 5000 CNY）")
                .contains("2026-11-20 02:30 至 2026-11-21 02:30");
        // A second alert would have gone out with the first: the dispatcher sends within half a second.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> mailsTo(OPERATIONS).stream()
                .filter(m -> subject.equals(subject(m)))
                .count() == 1);
    }

    @Test
    void aMemberWhoDeclinedMarketingGetsNoBenefitMessageButATierMessage() {
        String member = newMember();
        String address = addressOf(member);
        registeredDecliningMarketing(member, address, true);
        tierChanged(member, "MEMBER", "SILVER");
        producer.publish("/loyalty/benefit-service", granted(member));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deliveries(member))
                .extracting(d -> d.get("template") + ":" + d.get("status") + ":" + d.get("reason"))
                .contains("tier-changed:SENT:null")
                .anySatisfy(d -> assertThat(d).startsWith("benefit-granted").contains("SKIPPED")
                        .contains("member has not consented to marketing")));
        assertThat(mailsTo(address)).hasSize(1);
    }

    /** The partition no longer waits on members whose contact is unknown (it retried each for ~11 s). */
    @Test
    void tierChangesForMembersNeverRegisteredDoNotHoldUpThoseBehindThem() {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, true);
        List<String> strangers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String stranger = newMember();
            strangers.add(stranger);
            tierChanged(stranger, "MEMBER", "SILVER");
        }
        tierChanged(member, "MEMBER", "SILVER");

        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() == 1);
        // The strangers' keys may sit on other partitions than the member's: their entries come in their own time.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(strangers.get(19)))
                .singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("status", "WAITING_FOR_CONTACT")));
    }

    @Test
    void erasureForgetsTheAddressAndStopsFurtherEmail() {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, true);
        tierChanged(member, "MEMBER", "SILVER");
        assertThat(awaitLog(member, 1).get(0)).containsEntry("recipient", address);

        publish("/loyalty/member-service", new MemberErased(
                MemberId.of(member), "default", "member request", Instant.parse("2026-12-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(awaitLog(member, 1).get(0)).containsEntry("recipient", null));
        tierChanged(member, "SILVER", "GOLD");

        List<Map<String, Object>> log = awaitLog(member, 2);
        assertThat(log.get(0)).containsEntry("status", "SKIPPED").containsEntry("reason", "member was erased");
        assertThat(mailsTo(address)).hasSize(1);
    }

    /**
     * Sealed contact details (ADR 9): opened with the member's data key from loyalty.member-keys.v1 and
     * mailed to; after MemberErased (and the key's tombstone) the contact details and the key are gone.
     */
    @Test
    void sealedContactDetailsAreOpenedWithTheMembersKeyAndGoneAfterErasure() {
        String member = newMember();
        String address = addressOf(member);
        byte[] key = PersonalDataCipher.newKey();
        publish("/loyalty/member-service", new MemberDataKey(MemberId.of(member), "default", PersonalDataCipher.ALGORITHM,
                Base64.getEncoder().encodeToString(key), Instant.parse("2026-11-20T08:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from member_data_key where member_id = ? and data_key is not null", Long.class, member) == 1);
        String sealed = PersonalDataCipher.seal(MemberId.of(member), key,
                new PersonalData("张三", "+8613800000000", address, BIRTHDAY_NOT_SOON));
        publish("/loyalty/member-service", new MemberRegistered(MemberId.of(member), "default", null, null, null, null,
                new Consents(false, true), Instant.parse("2026-11-20T08:00:00Z"), sealed));
        tierChanged(member, "MEMBER", "SILVER");

        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() == 1);
        // A registration that releases a waiting email sends it before its transaction commits.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        jdbc.queryForList("select name, mobile, email from member_contact where member_id = ?", member))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("email", address)
                        .containsEntry("mobile", "+8613800000000")));

        publish("/loyalty/member-service", new MemberErased(
                MemberId.of(member), "default", "member request", Instant.parse("2026-12-01T00:00:00Z")));
        producer.send(new ProducerRecord<>(Topics.MEMBER_KEYS, member, null));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.queryForMap("select name, mobile, email, erased_at from member_contact where member_id = ?", member))
                    .containsEntry("name", null)
                    .containsEntry("mobile", null)
                    .containsEntry("email", null)
                    .doesNotContainEntry("erased_at", null);
            assertThat(jdbc.queryForObject(
                            "select count(*) from member_data_key where member_id = ? and data_key is null", Long.class, member))
                    .isOne();
        });
    }

    @Test
    void aMemberNeverNotifiedHasAnEmptyLog() {
        var response = http.exchange(
                "/members/{id}/notifications", HttpMethod.GET, null, new ParameterizedTypeReference<List<Object>>() {}, newMember());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEmpty();
    }

    @Test
    void exposesHealthAndPrometheusMetrics() {
        String member = newMember();
        registered(member, addressOf(member), false);
        tierChanged(member, "MEMBER", "SILVER");
        awaitLog(member, 1);

        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics)
                .contains("application=\"notification-service\"")
                .contains("loyalty_events_consumed_total")
                .contains("loyalty_notification_deliveries_total")
                .contains("loyalty_notification_deliveries_waiting")
                .contains("loyalty_notification_deliveries_oldest_waiting_seconds{")
                .contains("resilience4j_circuitbreaker_state{");
    }

    @Test
    void aTierAtRiskWarnsAConsentingMemberLogsItAndPublishesNotificationSent() throws Exception {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, true);
        String eventId = producer.publish("/loyalty/tier-service", atRisk(member));

        List<MimeMessage> mails = awaitMails(address, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("您的银牌会员资格即将到期");
        assertThat(mails.get(0).getContent().toString())
                .contains("尊敬的张三")
                .contains("您的银牌会员资格将于2027年11月23日到期")
                .contains("再消费 180.00 元即可保级");

        assertSentAndPublished(member, address, "tier-at-risk", eventId, mails.get(0));
    }

    @Test
    void pointsExpiringWarnAConsentingMemberLogItAndPublishNotificationSent() throws Exception {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, true);
        String eventId = producer.publish("/loyalty/points-service", expiring(member, 120));

        List<MimeMessage> mails = awaitMails(address, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("您有 120 积分即将过期");
        assertThat(mails.get(0).getContent().toString())
                .contains("尊敬的张三")
                .contains("您有 120 积分将于2027年11月23日过期");

        assertSentAndPublished(member, address, "points-expiring", eventId, mails.get(0));
    }

    @Test
    void warningsToAMemberWithoutEmailConsentAreSkipped() {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, false);
        producer.publish("/loyalty/tier-service", atRisk(member));
        producer.publish("/loyalty/points-service", expiring(member, 120));

        List<Map<String, Object>> log = awaitLog(member, 2);
        assertThat(log).hasSize(2);
        assertThat(log)
                .extracting(entry -> entry.get("template"))
                .containsExactlyInAnyOrder("tier-at-risk", "points-expiring");
        assertThat(log).allSatisfy(entry -> assertThat(entry)
                .containsEntry("status", "SKIPPED")
                .containsEntry("reason", "member has not consented to transactional email")
                .containsEntry("recipient", null));
        assertThat(mailsTo(address)).isEmpty();
    }

    @Test
    void theSameWarningDeliveredTwiceMailsOnce() {
        String member = newMember();
        String address = addressOf(member);
        registered(member, address, true);
        String riskId = UUID.randomUUID().toString();
        String expiringId = UUID.randomUUID().toString();
        publish(riskId, "/loyalty/tier-service", atRisk(member));
        publish(riskId, "/loyalty/tier-service", atRisk(member)); // redelivered
        publish(expiringId, "/loyalty/points-service", expiring(member, 120));
        publish(expiringId, "/loyalty/points-service", expiring(member, 120)); // redelivered
        // Markers behind them, on the same partitions: once they are logged, the repeats were consumed.
        tierChanged(member, "MEMBER", "SILVER");
        producer.publish("/loyalty/points-service", expiring(member, 30));

        List<Map<String, Object>> log = awaitLog(member, 4);
        assertThat(log).hasSize(4);
        assertThat(log).extracting(entry -> entry.get("status")).containsOnly("SENT");
        assertThat(log)
                .extracting(entry -> entry.get("causationId"))
                .filteredOn(id -> id.equals(riskId) || id.equals(expiringId))
                .containsExactlyInAnyOrder(riskId, expiringId);
        List<MimeMessage> mails = awaitMails(address, 4);
        assertThat(mails.stream().map(NotificationServiceIT::subject))
                .containsExactlyInAnyOrder("您的银牌会员资格即将到期", "您有 120 积分即将过期", "您有 30 积分即将过期", "恭喜您升级为银牌会员");
    }

    @Test
    void otherPointsEventsSendNothing() {
        String member = newMember();
        registered(member, addressOf(member), true);
        producer.publish("/loyalty/points-service", new PointsExpired(
                MemberId.of(member), "default", 50, Instant.parse("2026-11-23T00:00:00Z")));
        producer.publish("/loyalty/points-service", expiring(member, 30)); // a marker behind it

        List<Map<String, Object>> log = awaitLog(member, 1);
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry("template", "points-expiring");
        assertThat(mailsTo(addressOf(member))).hasSize(1);
    }

    // ---- SMS, sent outside the transaction, once per event and channel ----

    /** 交易提醒: the order's points, the amount paid and the balance after it, by SMS. */
    @Test
    void anOrderTextsTheMemberThePointsTheAmountPaidAndTheBalanceAfter() {
        String member = newMember();
        String mobile = newMobile();
        registeredForSms(member, mobile);
        producer.publish("/loyalty/points-service", adjusted(member, 1000));
        String eventId = producer.publish("/loyalty/points-service", earned(member, "O-" + member, 120, "199.00"));

        Map<String, Object> entry = awaitEntry(member, "transaction", "SENT");
        assertThat(entry)
                .containsEntry("channel", "SMS")
                .containsEntry("recipient", mobile)
                .containsEntry("causationId", eventId);
        List<Map<String, String>> sms = await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(mobile), list -> !list.isEmpty());
        assertThat(sms).hasSize(1);
        Map<String, String> request = sms.get(0);
        assertThat(request)
                .containsEntry("Action", "SendSms")
                .containsEntry("SignName", "会员中心")
                .containsEntry("TemplateCode", "SMS_TRANSACTION")
                .containsEntry("OutId", (String) entry.get("notificationId"));
        Map<String, String> signed = new TreeMap<>(request);
        String signature = signed.remove("Signature");
        assertThat(signature).isEqualTo(SmsGateway.signature("POST", "test-secret", signed));
        Map<String, Object> params = json(request.get("TemplateParam"));
        assertThat(params)
                .containsEntry("amount", "199.00元")
                .containsEntry("points", "120")
                .containsEntry("balance", "1120")
                .containsEntry("name", "张三");
        // The text the gateway's template SMS_TRANSACTION sends, filled with these parameters.
        String text = templates.render("transaction", Channel.SMS, Locale.forLanguageTag("zh-CN"), new LinkedHashMap<>(params))
                .text();
        assertThat(text).isEqualTo("张三，您于" + params.get("time") + "消费199.00元，获得120积分，当前积分1120。");
        try (TopicReader notifications = new TopicReader(SharedKafka.bootstrapServers(), Topics.NOTIFICATIONS)) {
            assertThat(CloudEventCodec.fromRecord(notifications.awaitRecords(TopicReader.keyed(member)).get(0)).data())
                    .isInstanceOfSatisfying(NotificationSent.class, sent -> {
                        assertThat(sent.channel()).isEqualTo(Channel.SMS);
                        assertThat(sent.template()).isEqualTo("transaction");
                        assertThat(sent.notificationId()).isEqualTo(entry.get("notificationId"));
                    });
        }
    }

    @Test
    void theSameOrderDeliveredTwiceTextsOnce() {
        String member = newMember();
        String mobile = newMobile();
        registeredForSms(member, mobile);
        String eventId = UUID.randomUUID().toString();
        PointsEarned first = earned(member, "O-1-" + member, 50, "88.00");
        publish(eventId, "/loyalty/points-service", first);
        publish(eventId, "/loyalty/points-service", first); // redelivered
        producer.publish("/loyalty/points-service", earned(member, "O-2-" + member, 10, "18.00")); // a marker behind

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(member).stream()
                .filter(entry -> "SENT".equals(entry.get("status")))
                .count() == 2);
        assertThat(deliveries(member)).hasSize(2);
        List<Map<String, String>> sms = await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(mobile), list -> list.size() >= 2);
        assertThat(sms).hasSize(2);
        assertThat(sms).extracting(request -> request.get("OutId")).doesNotHaveDuplicates();
    }

    /**
     * The gateway takes the SMS, and then the outcome cannot be recorded (a database trigger refuses
     * it, as a crash at that moment would leave it): the claim stays, and once stale the message is
     * claimed and sent again, under the same id. The gateway sees one idempotency key however often
     * it is called; once recording works, the log keeps one delivery and one NotificationSent goes out.
     */
    @Test
    void aCrashBetweenSendAndRecordSendsAgainOnlyUnderTheSameIdempotencyKey() {
        String member = newMember();
        String mobile = newMobile();
        String refuse = "refuse_outcome_" + member.substring(2).replace("-", "_");
        jdbc.execute("create function " + refuse + "() returns trigger language plpgsql as $$ begin"
                + " raise exception 'the dispatcher crashed before it recorded the outcome'; end $$");
        jdbc.execute("create trigger " + refuse + " before update on notification_delivery for each row"
                + " when (new.member_id = '" + member + "' and new.status = 'SENT') execute function " + refuse + "()");
        String id;
        try {
            registeredForSms(member, mobile);
            producer.publish("/loyalty/points-service", earned(member, "O-" + member, 30, "59.90"));

            await().atMost(Duration.ofSeconds(60)).until(() -> smsTo(mobile).size() >= 2);
            Map<String, Object> claimed = deliveries(member).get(0);
            assertThat(claimed).containsEntry("status", "SENDING");
            id = (String) claimed.get("notificationId");
        } finally {
            jdbc.execute("drop trigger " + refuse + " on notification_delivery");
            jdbc.execute("drop function " + refuse + "()");
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deliveries(member)).singleElement().satisfies(entry -> assertThat(entry)
                        .containsEntry("status", "SENT")
                        .containsEntry("notificationId", id)));
        assertThat(smsTo(mobile)).hasSizeGreaterThanOrEqualTo(2).extracting(request -> request.get("OutId")).containsOnly(id);
        try (TopicReader notifications = new TopicReader(SharedKafka.bootstrapServers(), Topics.NOTIFICATIONS)) {
            assertThat(notifications.awaitRecords(TopicReader.keyed(member))).hasSize(1);
        }
    }

    @Test
    void anSmsGatewayFailingWith500sOpensTheBreakerAndEveryMessageGoesOnceWhenItRecovers() {
        String member = newMember();
        String mobile = newMobile();
        registeredForSms(member, mobile);
        CircuitBreaker breaker = breakers.circuitBreaker("sms");
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker.getState() == CircuitBreaker.State.CLOSED);
        StubMapping down = NotificationTestInfrastructure.smsGateway().stubFor(post(urlPathEqualTo("/sms"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"Code\":\"isp.SYSTEM_ERROR\"}")));
        try {
            for (int i = 0; i < 6; i++) {
                producer.publish("/loyalty/points-service", earned(member, "O-" + i + "-" + member, 10 + i, "20.00"));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
            // While it is open the messages wait in the table, none lost, none failed. The breaker may open on
            // the retries of the first before the consumer has decided the others: they are awaited.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deliveries(member))
                    .hasSize(6)
                    .allSatisfy(entry -> assertThat(entry.get("status")).isIn("PENDING", "SENDING")));
        } finally {
            NotificationTestInfrastructure.smsGateway().removeStub(down);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deliveries(member))
                .hasSize(6)
                .allSatisfy(entry -> assertThat(entry).containsEntry("status", "SENT")));
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker.getState() == CircuitBreaker.State.CLOSED);
        List<String> accepted = NotificationTestInfrastructure.smsGateway().getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 200)
                .map(ServeEvent::getRequest)
                .map(request -> form(request.getBodyAsString()))
                .filter(form -> mobile.equals(form.get("PhoneNumbers")))
                .map(form -> form.get("OutId"))
                .toList();
        assertThat(accepted).hasSize(6).doesNotHaveDuplicates();
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(
                deliveries(member).stream().map(entry -> (String) entry.get("notificationId")).toList());
    }

    @Test
    void aHangingSmsGatewayDoesNotDelayEmail() throws Exception {
        String texted = newMember();
        String mobile = newMobile();
        registeredForSms(texted, mobile);
        String mailed = newMember();
        String address = addressOf(mailed);
        registered(mailed, address, true);
        StubMapping hanging = NotificationTestInfrastructure.smsGateway().stubFor(post(urlPathEqualTo("/sms"))
                .withRequestBody(containing("PhoneNumbers=" + mobile))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(20_000).withBody("{\"Code\":\"OK\"}")));
        try {
            producer.publish("/loyalty/points-service", earned(texted, "O-" + texted, 10, "20.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !smsTo(mobile).isEmpty());
            long start = System.nanoTime();
            tierChanged(mailed, "MEMBER", "SILVER");
            List<MimeMessage> mails = awaitMails(address, 1);
            assertThat(mails.get(0).getSubject()).isEqualTo("恭喜您升级为银牌会员");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            // The SMS timed out and waits for another try; it is not failed.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(texted))
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.get("status")).isIn("PENDING", "SENDING")));
        } finally {
            NotificationTestInfrastructure.smsGateway().removeStub(hanging);
        }
        assertThat(awaitEntry(texted, "transaction", "SENT")).containsEntry("recipient", mobile);
    }

    /** Quiet hours (22:00–08:00 in the programme's zone) hold marketing messages only; the clock is driven. */
    @Test
    void quietHoursHoldBackMarketingMessagesButNotTransactionAlerts() {
        String member = newMember();
        String mobile = newMobile();
        registeredForSms(member, mobile);
        LocalDateTime now = ShiftedClock.INSTANCE.local();
        LocalDateTime night = now.toLocalTime().isBefore(LocalTime.of(22, 30))
                ? now.toLocalDate().atTime(22, 30)
                : now.toLocalDate().plusDays(1).atTime(22, 30);
        ShiftedClock.INSTANCE.moveTo(night);

        producer.publish("/loyalty/benefit-service", granted(member));
        producer.publish("/loyalty/points-service", earned(member, "O-" + member, 10, "20.00"));

        awaitEntry(member, "transaction", "SENT");
        Map<String, Object> held = awaitEntry(member, "benefit-granted", "PENDING");
        String morning = night.toLocalDate().plusDays(1).atTime(8, 0).atZone(ShiftedClock.PROGRAMME_ZONE).toInstant().toString();
        assertThat((String) held.get("reason")).isEqualTo("waits for the end of quiet hours at " + morning);
        assertThat(smsTo(mobile)).extracting(request -> request.get("TemplateCode")).containsExactly("SMS_TRANSACTION");

        ShiftedClock.INSTANCE.moveTo(night.toLocalDate().plusDays(1).atTime(8, 0, 1));

        awaitEntry(member, "benefit-granted", "SENT");
        assertThat(smsTo(mobile))
                .extracting(request -> request.get("TemplateCode"))
                .containsExactlyInAnyOrder("SMS_TRANSACTION", "SMS_BENEFIT_GRANTED");
    }

    /**
     * 营业汇报: a day's events (their business times on that day in the programme's zone) counted as
     * they are consumed; the next morning at 08:00 the report of that day goes to the merchants with
     * the figures worked out here by hand. The clock is driven into that day and to the next morning.
     */
    @Test
    void theDailyReportMailsTheMerchantsYesterdaysFigures() throws Exception {
        LocalDate day = ShiftedClock.INSTANCE.local().toLocalDate().plusDays(2);
        ShiftedClock.INSTANCE.moveTo(day.atTime(12, 0));
        Instant noon = day.atTime(12, 0).atZone(ShiftedClock.PROGRAMME_ZONE).toInstant();
        String member = newMember();
        String mobile = newMobile();
        MemberId id = MemberId.of(member);
        publish("/loyalty/member-service", new MemberRegistered(id, "default", "张三", mobile, addressOf(member),
                BIRTHDAY_NOT_SOON, new Consents(true, false), noon));
        transactionalEmailWithdrawn(member, noon.plusSeconds(30));
        producer.publish("/loyalty/points-service", earnedAt(member, "O-1-" + member, 120, "199.00", noon.plusSeconds(60)));
        producer.publish("/loyalty/points-service", earnedAt(member, "O-2-" + member, 50, "88.50", noon.plusSeconds(120)));
        producer.publish("/loyalty/points-service", new com.loyaltysuite.events.points.PointsRedeemed(
                id, "default", "R-1", "checkout-1", 30, noon.plusSeconds(180)));
        producer.publish("/loyalty/points-service", new com.loyaltysuite.events.points.PointsReversed(
                id, "default", OrderId.of("O-1-" + member), "RF-1", 20, noon.plusSeconds(240), UUID.randomUUID().toString()));
        producer.publish("/loyalty/points-service", new PointsExpired(id, "default", 10, noon.plusSeconds(300)));
        producer.publish("/loyalty/benefit-service", new BenefitGranted(id, "default", "B-1-" + member, "GIFT-SILVER-01",
                BenefitKind.COUPON, "SILVER", "银牌升级礼包", noon.plusSeconds(360), noon.plusSeconds(86_400 * 30L),
                UUID.randomUUID().toString(), "catalogue-v1", null, null));
        producer.publish("/loyalty/benefit-service", new com.loyaltysuite.events.benefit.BenefitRedeemed(
                id, "default", "B-1-" + member, "checkout-2", noon.plusSeconds(420), "req-1", "GIFT-SILVER-01", null, null));
        producer.publish("/loyalty/tier-service", new TierChanged(id, "default", "MEMBER", "SILVER", TierChangeReason.QUALIFIED,
                new QualifyingValue(new BigDecimal("287.50"), "CNY"), "ladder-v1", noon.plusSeconds(480), VALID_UNTIL, List.of()));

        // Five messages sent that day (two 交易提醒, redeemed, reversed, the benefit); the tier email skipped.
        List<Map<String, Object>> log = awaitLog(member, 6);
        assertThat(log).extracting(entry -> entry.get("status")).containsOnly("SENT", "SKIPPED");
        assertThat(log).filteredOn(entry -> "SENT".equals(entry.get("status"))).hasSize(5);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("spend", "287.50");
        expected.put("orders", "2");
        expected.put("refunds", "1");
        expected.put("new-members", "1");
        expected.put("points-issued", "170");
        expected.put("points-redeemed", "30");
        expected.put("points-expired", "10");
        expected.put("coupons-issued", "1");
        expected.put("coupons-redeemed", "1");
        expected.put("tier-moves", "1");
        expected.put("anomalies", "0");
        expected.put("notifications-sent", "5");
        expected.put("notifications-failed", "0");
        assertThat(http.getForObject("/reports/daily/{day}", Map.class, day.toString())).isEqualTo(expected);

        ShiftedClock.INSTANCE.moveTo(day.plusDays(1).atTime(8, 0, 30));

        MimeMessage report = await().atMost(Duration.ofSeconds(60))
                .until(() -> mailsTo(MERCHANT).stream()
                        .filter(mail -> ("营业汇报 " + day).equals(subject(mail)))
                        .toList(), mails -> !mails.isEmpty())
                .get(0);
        assertThat(report.getContent().toString())
                .contains("消费额：287.50 元")
                .contains("订单数：2")
                .contains("退款数：1")
                .contains("新增会员：1")
                .contains("发放积分：170")
                .contains("兑换积分：30")
                .contains("过期积分：10")
                .contains("发放优惠券：1")
                .contains("核销优惠券：1")
                .contains("会员等级变动：1")
                .contains("异常提醒：0")
                .contains("通知发送成功：5，失败：0");
        assertThat(mailsTo(MERCHANT).stream().filter(mail -> ("营业汇报 " + day).equals(subject(mail)))).hasSize(1);
    }

    private static PointsEarned earnedAt(String member, String order, long points, String amount, Instant at) {
        return new PointsEarned(MemberId.of(member), "default", OrderId.of(order), points, points, BigDecimal.ONE, "MEMBER",
                "earning-v1", new Money(new BigDecimal(amount), "CNY"), at, at.plusSeconds(7 * 86_400L), UUID.randomUUID().toString());
    }

    /** The delivery entry of a template once it has the status; fails after a minute. */
    /**
     * 生日祝福: a member in London whose birthday is two days on is greeted on it at 10:00 London time,
     * once (the id derives from member, year and channel), and next year's greeting is set.
     */
    @Test
    void aBirthdayIsGreetedOnceOnTheDayAtTenInTheMembersOwnZone() {
        String member = newMember();
        String mobile = newMobile();
        LocalDate birthday = ShiftedClock.INSTANCE.local().toLocalDate().plusDays(2);
        registeredForSms(member, mobile);
        String update = UUID.randomUUID().toString();
        publish(update, "/loyalty/member-service", profile(member, mobile, birthday.withYear(1990), "Europe/London", List.of()));

        Instant due = birthday.atTime(10, 0).atZone(LONDON).toInstant();
        await().atMost(Duration.ofSeconds(60)).until(() -> birthdayDue(member), due::equals);

        ShiftedClock.INSTANCE.moveTo(LocalDateTime.ofInstant(due.plusSeconds(30), ShiftedClock.PROGRAMME_ZONE));

        Map<String, Object> greeting = awaitEntry(member, "birthday", "SENT");
        assertThat(greeting)
                .containsEntry("channel", "SMS")
                .containsEntry("recipient", mobile)
                .containsEntry("causationId", "birthday:" + member + ":" + birthday.getYear());
        assertThat(smsTo(mobile)).singleElement().satisfies(request -> {
            assertThat(request).containsEntry("TemplateCode", "SMS_BIRTHDAY").containsEntry("OutId", (String) greeting.get("notificationId"));
            assertThat(json(request.get("TemplateParam"))).containsEntry("name", "张三");
        });
        Instant nextYear = birthday.plusYears(1).atTime(10, 0).atZone(LONDON).toInstant();
        await().atMost(Duration.ofSeconds(30)).until(() -> birthdayDue(member), nextYear::equals);

        // The same profile again, still on the birthday: the greeting comes due at once, fires, finds it
        // sent, and sets next year's again.
        Instant again = ShiftedClock.INSTANCE.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        publish("/loyalty/member-service", profile(member, mobile, birthday.withYear(1990), "Europe/London", List.of(), again));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from member_contact where member_id = ? and updated_at = ?",
                Long.class, member, java.sql.Timestamp.from(again)) == 1L);
        await().atMost(Duration.ofSeconds(30)).until(() -> birthdayDue(member), nextYear::equals);
        assertThat(deliveries(member)).filteredOn(entry -> "birthday".equals(entry.get("template"))).hasSize(1);
        assertThat(smsTo(mobile)).hasSize(1);
    }

    /**
     * Quiet hours and dates in the member's own time zone: at 23:30 in Shanghai a London member's
     * benefit SMS goes at once, with its validity date as it is in London; a member with no zone of
     * their own waits for 08:00 in the programme's zone.
     */
    @Test
    void quietHoursAndDatesFollowTheMembersOwnZone() {
        String london = newMember();
        String londonMobile = newMobile();
        String shanghai = newMember();
        String shanghaiMobile = newMobile();
        registeredForSms(london, londonMobile);
        registeredForSms(shanghai, shanghaiMobile);
        publish("/loyalty/member-service", profile(london, londonMobile, BIRTHDAY_NOT_SOON, "Europe/London", List.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from member_contact where member_id = ? and time_zone = 'Europe/London'",
                Long.class, london) == 1L);
        LocalDateTime now = ShiftedClock.INSTANCE.local();
        LocalDateTime night = now.toLocalTime().isBefore(LocalTime.of(23, 30))
                ? now.toLocalDate().atTime(23, 30)
                : now.toLocalDate().plusDays(1).atTime(23, 30);
        ShiftedClock.INSTANCE.moveTo(night);
        // 2027-01-05T20:00Z: 5 January in London, already 6 January in Shanghai
        Instant validUntil = Instant.parse("2027-01-05T20:00:00Z");

        producer.publish("/loyalty/benefit-service", granted(london, validUntil));
        producer.publish("/loyalty/benefit-service", granted(shanghai, validUntil));

        awaitEntry(london, "benefit-granted", "SENT");
        assertThat(json(smsTo(londonMobile).get(0).get("TemplateParam"))).containsEntry("validUntil", "2027年1月5日");
        Map<String, Object> held = awaitEntry(shanghai, "benefit-granted", "PENDING");
        String morning = night.toLocalDate().plusDays(1).atTime(8, 0).atZone(ShiftedClock.PROGRAMME_ZONE).toInstant().toString();
        assertThat((String) held.get("reason")).isEqualTo("waits for the end of quiet hours at " + morning);

        ShiftedClock.INSTANCE.moveTo(night.toLocalDate().plusDays(1).atTime(8, 0, 1));

        awaitEntry(shanghai, "benefit-granted", "SENT");
        assertThat(json(smsTo(shanghaiMobile).get(0).get("TemplateParam"))).containsEntry("validUntil", "2027年1月6日");
    }

    /**
     * A member who prefers email is not texted, even about an order (skipped, saying why); their
     * demotion email says what regains the tier lost.
     */
    @Test
    void aMemberWhoPrefersEmailIsNotTextedAndTheirDemotionSaysWhatRegainsTheTier() throws Exception {
        String member = newMember();
        String mobile = newMobile();
        registeredForSms(member, mobile);
        publish("/loyalty/member-service", profile(member, mobile, BIRTHDAY_NOT_SOON, null, List.of(Channel.EMAIL)));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from member_contact where member_id = ? and preferred_channels = 'EMAIL'",
                Long.class, member) == 1L);

        producer.publish("/loyalty/points-service", earned(member, "O-" + member, 10, "20.00"));
        publish("/loyalty/tier-service", new TierChanged(MemberId.of(member), "default", "GOLD", "SILVER",
                TierChangeReason.RETENTION_FAILED, new QualifyingValue(new BigDecimal("800.00"), "CNY"), "ladder-v1",
                VALID_UNTIL, Instant.parse("2028-11-23T10:00:00Z"), List.of(),
                new com.loyaltysuite.events.tier.RegainTarget("GOLD", new BigDecimal("1200.00"), "CNY", "P12M")));

        assertThat(awaitEntry(member, "transaction", "SKIPPED")).containsEntry("reason", "member prefers EMAIL");
        awaitEntry(member, "tier-changed", "SENT");
        MimeMessage mail = awaitMails(addressOf(member), 1).get(0);
        assertThat(subject(mail)).isEqualTo("您的会员等级已调整为银牌会员");
        assertThat(mail.getContent().toString()).contains("在资格周期内再消费 1200.00 元即可恢复金牌会员。");
        assertThat(smsTo(mobile)).isEmpty();
    }

    /** The member's profile as member-service published it before sealing, with zone and preferred channels. */
    private static com.loyaltysuite.events.member.MemberProfileUpdated profile(
            String member, String mobile, LocalDate birthday, String timeZone, List<Channel> preferred) {
        return profile(member, mobile, birthday, timeZone, preferred,
                ShiftedClock.INSTANCE.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private static com.loyaltysuite.events.member.MemberProfileUpdated profile(
            String member, String mobile, LocalDate birthday, String timeZone, List<Channel> preferred, Instant at) {
        return new com.loyaltysuite.events.member.MemberProfileUpdated(MemberId.of(member), "default", "张三", mobile,
                addressOf(member), birthday, at, "zh-CN", timeZone,
                List.of("birthday", "timeZone", "preferredChannels"), null, preferred);
    }

    /** When the member's next birthday greeting is due; null when none is set. */
    private Instant birthdayDue(String member) {
        List<java.sql.Timestamp> due = jdbc.queryForList(
                "select due_at from due_timer where kind = 'birthday-greeting' and member_id = ? and fired_at is null",
                java.sql.Timestamp.class, member);
        return due.isEmpty() ? null : due.get(0).toInstant();
    }

    private static BenefitGranted granted(String member, Instant validUntil) {
        BenefitGranted granted = granted(member);
        return new BenefitGranted(granted.memberId(), granted.programId(), granted.benefitId(), granted.benefitCode(),
                granted.kind(), granted.tier(), granted.description(), granted.grantedAt(), validUntil,
                granted.causationId(), granted.catalogueVersion(), granted.priceFactor(), granted.coupon());
    }

    private Map<String, Object> awaitEntry(String member, String template, String status) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> deliveries(member).stream()
                                .filter(entry -> template.equals(entry.get("template")) && status.equals(entry.get("status")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private void registeredForSms(String member, String mobile) {
        publish("/loyalty/member-service", new MemberRegistered(
                MemberId.of(member),
                "default",
                "张三",
                mobile,
                addressOf(member),
                BIRTHDAY_NOT_SOON,
                new Consents(true, false),
                Instant.parse("2026-11-20T08:00:00Z")));
    }

    private static PointsEarned earned(String member, String order, long points, String amount) {
        return new PointsEarned(
                MemberId.of(member),
                "default",
                OrderId.of(order),
                points,
                points,
                BigDecimal.ONE,
                "MEMBER",
                "earning-v1",
                new Money(new BigDecimal(amount), "CNY"),
                Instant.parse("2026-12-05T02:30:00Z"),
                Instant.parse("2026-12-12T02:30:00Z"),
                UUID.randomUUID().toString());
    }

    private static PointsAdjusted adjusted(String member, long points) {
        return new PointsAdjusted(MemberId.of(member), "default", points, "opening balance", "op-1",
                Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static BenefitGranted granted(String member) {
        return new BenefitGranted(
                MemberId.of(member),
                "default",
                "B-" + UUID.randomUUID(),
                "GIFT-SILVER-01",
                BenefitKind.COUPON,
                "SILVER",
                "银牌升级礼包",
                Instant.parse("2026-12-05T02:30:00Z"),
                Instant.parse("2027-01-05T02:30:00Z"),
                UUID.randomUUID().toString(),
                "catalogue-v1",
                null,
                new com.loyaltysuite.events.benefit.CouponTerms(
                        "K7QM-2XRT-9VWD-4HNP-8CJF",
                        com.loyaltysuite.events.Money.of("20.00", "CNY"),
                        com.loyaltysuite.events.Money.of("199.00", "CNY"),
                        List.of("APP"),
                        Instant.parse("2026-12-05T02:30:00Z")));
    }

    /** The form fields of every SMS request for {@code mobile}, in arrival order. */
    private static List<Map<String, String>> smsTo(String mobile) {
        return NotificationTestInfrastructure.smsGateway().getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(request -> request.getUrl().startsWith(NotificationTestInfrastructure.SMS_PATH))
                .sorted(java.util.Comparator.comparing(request -> request.getLoggedDate()))
                .map(request -> form(request.getBodyAsString()))
                .filter(form -> mobile.equals(form.get("PhoneNumbers")))
                .toList();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newMobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private void assertSentAndPublished(String member, String address, String template, String eventId, MimeMessage mail)
            throws Exception {
        List<Map<String, Object>> log = awaitLog(member, 1);
        assertThat(log).hasSize(1);
        assertThat(log.get(0))
                .containsEntry("status", "SENT")
                .containsEntry("channel", "EMAIL")
                .containsEntry("template", template)
                .containsEntry("recipient", address)
                .containsEntry("causationId", eventId);
        assertThat(mail.getHeader("X-Loyalty-Notification-Id")[0]).isEqualTo(log.get(0).get("notificationId"));

        try (TopicReader notifications = new TopicReader(SharedKafka.bootstrapServers(), Topics.NOTIFICATIONS)) {
            var records = notifications.awaitRecords(TopicReader.keyed(member));
            assertThat(records).hasSize(1);
            EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(records.get(0));
            assertThat(envelope.source().toString()).isEqualTo("/loyalty/notification-service");
            assertThat(envelope.data()).isInstanceOfSatisfying(NotificationSent.class, sent -> {
                assertThat(sent.memberId()).isEqualTo(MemberId.of(member));
                assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
                assertThat(sent.template()).isEqualTo(template);
                assertThat(sent.causationId()).isEqualTo(eventId);
                assertThat(sent.notificationId()).isEqualTo(log.get(0).get("notificationId"));
            });
        }
    }

    /** A member who agrees to email altogether, or declines it for every purpose. */
    private void registered(String member, String address, boolean emailConsent) {
        registeredDecliningMarketing(member, address, !emailConsent);
        if (!emailConsent) {
            transactionalEmailWithdrawn(member, Instant.parse("2026-11-20T08:00:01Z"));
        }
    }

    /** The member withdraws consent to email about their own account; returns once it is applied. */
    private void transactionalEmailWithdrawn(String member, Instant at) {
        publish("/loyalty/member-service", new ConsentChanged(
                MemberId.of(member), "default", Channel.EMAIL, false, at, ConsentPurpose.TRANSACTIONAL, "member"));
        // Member and other events travel on different topics: wait until the withdrawal is applied.
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.FALSE.equals(jdbc.query(
                "select email_transactional_consent from member_contact where member_id = ?",
                rows -> rows.next() ? rows.getBoolean(1) : null,
                member)));
    }

    /** A member whose registration declined (or not) marketing email; transactional messages are consented. */
    private void registeredDecliningMarketing(String member, String address, boolean declined) {
        publish("/loyalty/member-service", new MemberRegistered(
                MemberId.of(member),
                "default",
                "张三",
                "13800000000",
                address,
                BIRTHDAY_NOT_SOON,
                new Consents(false, !declined),
                Instant.parse("2026-11-20T08:00:00Z")));
    }

    /** Publishes a TierChanged as tier-service does; returns its ce_id. */
    private String tierChanged(String member, String from, String to) {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, "/loyalty/tier-service", change(member, from, to));
        return eventId;
    }

    private static TierChanged change(String member, String from, String to) {
        return new TierChanged(
                MemberId.of(member),
                "default",
                from,
                to,
                TierChangeReason.QUALIFIED,
                new QualifyingValue(new BigDecimal("599.00"), "CNY"),
                "ladder-v1",
                Instant.parse("2026-11-23T10:00:00Z"),
                VALID_UNTIL,
                List.of(UUID.randomUUID().toString()));
    }

    /** A TierAtRisk as tier-service publishes it: silver until 2027-11-23, 180.00 CNY short of retention. */
    private static TierAtRisk atRisk(String member) {
        return new TierAtRisk(
                MemberId.of(member),
                "default",
                "SILVER",
                VALID_UNTIL,
                new QualifyingValue(new BigDecimal("320.00"), "CNY"),
                new QualifyingValue(new BigDecimal("500"), "CNY"),
                new QualifyingValue(new BigDecimal("180.00"), "CNY"),
                "ladder-v1",
                Instant.parse("2027-10-24T10:00:00Z"));
    }

    /** A PointsExpiring as points-service publishes it, for points expiring at 2027-11-23. */
    private static PointsExpiring expiring(String member, long points) {
        return new PointsExpiring(
                MemberId.of(member), "default", points, VALID_UNTIL, Instant.parse("2027-10-24T10:00:00Z"));
    }

    private void publish(String source, IntegrationEvent event) {
        publish(UUID.randomUUID().toString(), source, event);
    }

    private void publish(String eventId, String source, IntegrationEvent event) {
        producer.publish(eventId, source, event);
    }

    /** Waits until the member's delivery log has at least {@code size} entries; returns it, newest first. */
    /**
     * At least {@code size} deliveries, none still waiting (for the contact or to be sent). One consumer reads the
     * member and tier topics, and across topics there is no order: a tier change may be applied before
     * a registration published earlier, wait for it, and be decided once it is applied.
     */
    private List<Map<String, Object>> awaitLog(String member, int size) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(member), entries -> entries.size() >= size
                && entries.stream().noneMatch(entry -> UNDECIDED.contains(entry.get("status"))));
    }

    /** At least {@code size} deliveries, whatever their status. */
    private List<Map<String, Object>> awaitLogWithWaiting(String member, int size) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(member), entries -> entries.size() >= size);
    }

    private List<Map<String, Object>> deliveries(String member) {
        var response = http.exchange(
                "/members/{id}/notifications",
                HttpMethod.GET,
                null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() {},
                member);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(address), mails -> mails.size() >= count);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> recipients(mail).contains(address))
                .toList();
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            Address[] all = mail.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String addressOf(String member) {
        return member.toLowerCase() + "@example.com";
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}

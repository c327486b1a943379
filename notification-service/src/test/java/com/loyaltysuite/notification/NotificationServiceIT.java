package com.loyaltysuite.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberDataKey;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.events.notification.NotificationSent;
import com.loyaltysuite.events.points.PointsExpired;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.support.crypto.PersonalDataCipher;
import com.loyaltysuite.testsupport.EndpointFuzz;
import com.loyaltysuite.testsupport.EndpointSecurityWalk;
import com.loyaltysuite.testsupport.ServicePublisher;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TopicReader;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                .containsEntry("reason", "member has not consented to email")
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
                MemberId.of(member), "default", Channel.EMAIL, false, Instant.parse("2026-11-22T08:00:00Z")));
        // Member and tier events travel on different topics, and nothing shows when the withdrawal is
        // applied: tier changes keep coming until one finds it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            tierChanged(member, "MEMBER", "SILVER");
            return deliveries(member).stream().anyMatch(entry -> "SKIPPED".equals(entry.get("status")));
        });

        assertThat(deliveries(member).get(0))
                .containsEntry("status", "SKIPPED")
                .containsEntry("reason", "member has not consented to email");
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
    void aTierChangeWaitingForAMemberWhoDeclinedEmailIsSkippedWhenTheContactArrives() {
        String member = newMember();
        String address = addressOf(member);
        tierChanged(member, "MEMBER", "SILVER");
        assertThat(awaitLogWithWaiting(member, 1).get(0)).containsEntry("status", "WAITING_FOR_CONTACT");

        registered(member, address, false);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(deliveries(member).get(0))
                        .containsEntry("status", "SKIPPED")
                        .containsEntry("reason", "member has not consented to email"));
        assertThat(deliveries(member)).hasSize(1);
        assertThat(mailsTo(address)).isEmpty();
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
                new PersonalData("张三", "+8613800000000", address, LocalDate.of(1990, 5, 20)));
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
                .contains("loyalty_notification_deliveries_waiting");
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
                .containsEntry("reason", "member has not consented to email")
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

    private void registered(String member, String address, boolean emailConsent) {
        publish("/loyalty/member-service", new MemberRegistered(
                MemberId.of(member),
                "default",
                "张三",
                "13800000000",
                address,
                LocalDate.of(1990, 5, 20),
                new Consents(false, emailConsent),
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
     * At least {@code size} deliveries, none still waiting for the contact. One consumer reads the
     * member and tier topics, and across topics there is no order: a tier change may be applied before
     * a registration published earlier, wait for it, and be decided once it is applied.
     */
    private List<Map<String, Object>> awaitLog(String member, int size) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(member), entries -> entries.size() >= size
                && entries.stream().noneMatch(entry -> "WAITING_FOR_CONTACT".equals(entry.get("status"))));
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

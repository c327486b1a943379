package com.loyaltysuite.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.loyaltysuite.benefit.grant.CouponUsed;
import com.loyaltysuite.benefit.grant.RedeemCoupon;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.events.benefit.BenefitRedeemed;
import com.loyaltysuite.events.benefit.BenefitRestored;
import com.loyaltysuite.events.benefit.BenefitRevoked;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberDataKey;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.support.crypto.PersonalDataCipher;
import com.loyaltysuite.support.timers.DueTimers;
import com.loyaltysuite.testsupport.ServicePublisher;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TestTokens;
import com.loyaltysuite.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * benefit-service against the embedded KRaft broker and PostgreSQL, fed as tier-service and
 * member-service feed it, used as the checkout uses it. Business times are relative to now, the
 * service's clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class BenefitServiceIT {

    static final String CODE = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}";
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    static ServicePublisher publisher;

    /** points-service's reservation API, as a real HTTP server the exchange saga calls. */
    static WireMockServer pointsService;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("memberBenefitsCache")
    Cache memberBenefitsCache;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CommandBus commandBus;

    @BeforeAll
    static void connect() {
        publisher = new ServicePublisher(SharedKafka.bootstrapServers());
        pointsService = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        pointsService.start();
        // Read by the client at each call, so the one application context of the module's tests sees it.
        System.setProperty("loyalty.benefits.exchange.points-url", pointsService.baseUrl());
    }

    @AfterAll
    static void disconnect() {
        publisher.close();
        pointsService.stop();
    }

    @Test
    void anUpgradeGrantsTheTiersStandingBenefitsAndItsPackWhoseCodesOnlyThePublishedGrantCarries() {
        String member = newMember();
        Instant promotedAt = now().minus(Duration.ofDays(1));
        String eventId = publish(tierChanged(member, "MEMBER", "GOLD", TierChangeReason.QUALIFIED, promotedAt));

        List<Map<String, Object>> held = awaitCodes(member, false, "MEMBER_PRICE_95", "PRIORITY_DELIVERY", "FREE_SHIPPING",
                "SERVICE_LINE", "GOLD_PACK_50_299", "GOLD_EXCLUSIVE_30_199");
        assertThat(benefit(held, "MEMBER_PRICE_95"))
                .containsEntry("kind", "MEMBER_PRICE")
                .containsEntry("tier", "GOLD")
                .containsEntry("status", "ACTIVE")
                .containsEntry("priceFactor", 0.95)
                .containsEntry("validUntil", null);
        assertThat(benefit(held, "GOLD_PACK_50_299"))
                .containsEntry("kind", "UPGRADE_GIFT")
                .containsEntry("faceValue", Map.of("value", "50.00", "currency", "CNY"))
                .containsEntry("minSpend", Map.of("value", "299.00", "currency", "CNY"))
                .containsEntry("validUntil", promotedAt.plus(Duration.ofDays(90)).toString())
                .doesNotContainKey("code_hash");

        List<BenefitGranted> granted = published(member, BenefitGranted.class, 6);
        assertThat(granted).allSatisfy(grant -> assertThat(grant.causationId()).isEqualTo(eventId));
        List<String> codes = granted.stream().filter(g -> g.coupon() != null).map(g -> g.coupon().code()).toList();
        assertThat(codes).hasSize(2).allMatch(code -> code.matches(CODE));
        for (String code : codes) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where position(? in convert_from(payload, 'UTF8')) > 0",
                            Long.class, code))
                    .as("the event store never holds a code in clear")
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "select count(*) from member_benefit where code_hash = ? or code = ?", Long.class, code, code))
                    .isZero();
        }
        assertThat(pricing(member, "200.00"))
                .containsEntry("tier", "GOLD")
                .containsEntry("priceFactor", 0.95)
                .containsEntry("payable", Map.of("value", "190.00", "currency", "CNY"))
                .containsEntry("discount", Map.of("value", "10.00", "currency", "CNY"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        http.getForObject("/actuator/prometheus", String.class))
                .contains("loyalty_events_consumed_total{")
                .contains("loyalty_events_published_seconds_count{"));
    }

    @Test
    void aDemotionRevokesTheStandingBenefitsItNoLongerIncludesButNotTheIssuedCoupons() {
        String member = newMember();
        publish(tierChanged(member, "MEMBER", "GOLD", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(2))));
        awaitCodes(member, false, "MEMBER_PRICE_95", "PRIORITY_DELIVERY", "FREE_SHIPPING", "SERVICE_LINE",
                "GOLD_PACK_50_299", "GOLD_EXCLUSIVE_30_199");
        String freeShipping = (String) benefit(history(member), "FREE_SHIPPING").get("benefitId");

        publish(tierChanged(member, "GOLD", "SILVER", TierChangeReason.RETENTION_FAILED, now().minus(Duration.ofDays(1))));

        awaitCodes(member, false, "PRIORITY_DELIVERY", "GOLD_PACK_50_299", "GOLD_EXCLUSIVE_30_199", "MEMBER_PRICE_98");
        List<Map<String, Object>> history = history(member);
        assertThat(benefit(history, "MEMBER_PRICE_95")).containsEntry("status", "REVOKED").containsEntry("statusReason", "SUPERSEDED");
        assertThat(benefit(history, "FREE_SHIPPING")).containsEntry("status", "REVOKED").containsEntry("statusReason", "TIER_LEFT");
        assertThat(benefit(history, "SERVICE_LINE")).containsEntry("status", "REVOKED");
        assertThat(benefit(history, "GOLD_PACK_50_299")).containsEntry("status", "ACTIVE");
        assertThat(published(member, BenefitRevoked.class, 3))
                .extracting(BenefitRevoked::benefitCode, BenefitRevoked::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("MEMBER_PRICE_95", "SUPERSEDED"),
                        org.assertj.core.groups.Tuple.tuple("FREE_SHIPPING", "TIER_LEFT"),
                        org.assertj.core.groups.Tuple.tuple("SERVICE_LINE", "TIER_LEFT"));
        assertThat(validateBenefit(member, freeShipping, "100.00", "APP")).containsEntry("reason", "TIER_NO_LONGER_ENTITLED");
        assertThat(pricing(member, "100.00")).containsEntry("tier", "SILVER").containsEntry("priceFactor", 0.98);
    }

    @Test
    void aManualPromotionGrantsTheTiersStandingBenefitsAndItsPack() {
        String member = newMember();
        String eventId = publish(tierChanged(member, "MEMBER", "GOLD", TierChangeReason.MANUAL, now().minus(Duration.ofDays(1))));

        awaitCodes(member, false, "MEMBER_PRICE_95", "PRIORITY_DELIVERY", "FREE_SHIPPING", "SERVICE_LINE",
                "GOLD_PACK_50_299", "GOLD_EXCLUSIVE_30_199");
        assertThat(published(member, BenefitGranted.class, 6)).allSatisfy(grant -> assertThat(grant.causationId()).isEqualTo(eventId));
        assertThat(storedCount(member, "UpgradePackGiven")).isOne();
        assertThat(pricing(member, "100.00")).containsEntry("tier", "GOLD").containsEntry("priceFactor", 0.95);
    }

    /** The programme's rule (on-close REVOKE_ALL, the default): a closed membership ends standing benefits and unused coupons. */
    @Test
    void aClosedMemberHasTheStandingBenefitsAndUnusedCouponsRevokedAndUsedOnesStayUsed() {
        String member = newMember();
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(1))));
        Map<String, String> codes = couponCodes(member, 2);
        assertThat(redeem(member, codes.get("SILVER_PACK_20"), "before-closing-" + member, "50.00").getStatusCode())
                .isEqualTo(HttpStatus.OK);

        publisher.publish("/loyalty/member-service", new MemberStatusChanged(
                MemberId.of(member), "default", MemberStatus.CLOSED, MemberStatus.ACTIVE, "member asked", "agent-1", now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(benefits(member, false)).isEmpty());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(history(member))
                .extracting(b -> b.get("code") + ":" + b.get("status") + ":" + b.get("statusReason"))
                .containsExactlyInAnyOrder(
                        "MEMBER_PRICE_98:REVOKED:MEMBER_CLOSED",
                        "PRIORITY_DELIVERY:REVOKED:MEMBER_CLOSED",
                        "SILVER_PACK_10_99:REVOKED:MEMBER_CLOSED",
                        "SILVER_PACK_20:USED:O-before-closing-" + member));
        assertThat(published(member, BenefitRevoked.class, 3)).extracting(BenefitRevoked::benefitCode, BenefitRevoked::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("MEMBER_PRICE_98", "MEMBER_CLOSED"),
                        org.assertj.core.groups.Tuple.tuple("PRIORITY_DELIVERY", "MEMBER_CLOSED"),
                        org.assertj.core.groups.Tuple.tuple("SILVER_PACK_10_99", "MEMBER_CLOSED"));
        assertThat(validate(member, codes.get("SILVER_PACK_10_99"), "100.00", "APP")).containsEntry("reason", "REVOKED");
        assertThat(pricing(member, "100.00")).containsEntry("payable", Map.of("value", "100.00", "currency", "CNY"));
    }

    @Test
    void aMemberWhoDropsAndClimbsBackGetsThePackOncePerPeriodAndARedeliveryChangesNothing() {
        String member = newMember();
        Instant start = now().minus(Duration.ofDays(400));
        TierChanged first = tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, start);
        String firstId = publish(first);
        publish(firstId, first); // redelivered
        publish(tierChanged(member, "SILVER", "MEMBER", TierChangeReason.MANUAL, start.plus(Duration.ofDays(10))));
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.MANUAL_ENDED, start.plus(Duration.ofDays(20))));
        publish(tierChanged(member, "SILVER", "MEMBER", TierChangeReason.MANUAL, start.plus(Duration.ofDays(30))));
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, start.plus(Duration.ofDays(40)))); // same period
        publish(tierChanged(member, "SILVER", "MEMBER", TierChangeReason.RETENTION_FAILED, start.plus(Duration.ofDays(365))));
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, start.plus(Duration.ofDays(390)))); // a new one
        publish(tierChanged(member, "SILVER", "GOLD", TierChangeReason.QUALIFIED, start.plus(Duration.ofDays(395)))); // a marker

        await().atMost(Duration.ofSeconds(60)).until(() -> codes(history(member)).contains("GOLD_PACK_50_299"));
        assertThat(codes(history(member)))
                .filteredOn(code -> code.startsWith("SILVER_PACK"))
                .containsExactly("SILVER_PACK_20", "SILVER_PACK_10_99", "SILVER_PACK_20", "SILVER_PACK_10_99");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%UpgradePackGiven'",
                        Long.class, member))
                .isEqualTo(3); // SILVER twice, a year apart, and GOLD
    }

    @Test
    void aValidationSaysWhyACouponCannotBeUsed() {
        String member = newMember();
        String stranger = newMember();
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(200))));
        publish(tierChanged(member, "SILVER", "GOLD", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(1))));
        Map<String, String> codes = couponCodes(member, 4);

        assertThat(validate(member, codes.get("GOLD_PACK_50_299"), "300.00", "APP"))
                .containsEntry("usable", true)
                .containsEntry("reason", "USABLE");
        assertThat(validate(member, codes.get("GOLD_PACK_50_299").toLowerCase(), "298.99", "APP"))
                .containsEntry("usable", false)
                .containsEntry("reason", "MIN_SPEND_NOT_MET");
        assertThat(validate(member, codes.get("SILVER_PACK_20"), "300.00", "APP")).containsEntry("reason", "EXPIRED");
        assertThat(validate(member, codes.get("GOLD_EXCLUSIVE_30_199"), "300.00", "STORE"))
                .containsEntry("reason", "CHANNEL_NOT_ALLOWED");
        assertThat(validate(stranger, codes.get("GOLD_PACK_50_299"), "300.00", "APP"))
                .containsEntry("reason", "NOT_THIS_MEMBER")
                .containsEntry("benefitId", null);
        assertThat(validate(member, "0000-0000-0000-0000-0000", "300.00", "APP")).containsEntry("reason", "UNKNOWN_CODE");

        assertThat(redeem(member, codes.get("GOLD_PACK_50_299"), "req-" + member, "300.00").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(validate(member, codes.get("GOLD_PACK_50_299"), "300.00", "APP")).containsEntry("reason", "ALREADY_USED");

        publish(tierChanged(member, "GOLD", "SILVER", TierChangeReason.MANUAL, now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        validate(member, codes.get("GOLD_EXCLUSIVE_30_199"), "300.00", "APP"))
                .containsEntry("reason", "TIER_NO_LONGER_ENTITLED"));

        publisher.publish("/loyalty/member-service", new MemberStatusChanged(
                MemberId.of(member), "default", MemberStatus.FROZEN, MemberStatus.ACTIVE, "fraud review", "agent-1", now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        validate(member, codes.get("SILVER_PACK_10_99"), "300.00", "APP"))
                .containsEntry("reason", "MEMBER_FROZEN"));

        var neither = checkout("/benefits/validations", Map.of(
                "memberId", member, "orderAmount", Map.of("value", "1.00", "currency", "CNY")));
        assertThat(neither.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(neither.getBody()).containsEntry("code", "validation-failed");
    }

    @Test
    void ofConcurrentRedemptionsOfOneCouponExactlyOneWinsAndAReversalRestoresIt() throws Exception {
        String member = newMember();
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(1))));
        String code = couponCodes(member, 2).get("SILVER_PACK_20");
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        List<ResponseEntity<Map<String, Object>>> answers;
        try {
            List<CompletableFuture<ResponseEntity<Map<String, Object>>>> racing = IntStream.range(0, racers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return redeem(member, code, "race-" + i + "-" + member, "50.00");
                    }, threads))
                    .toList();
            answers = new ArrayList<>();
            for (var answer : racing) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdown();
        }

        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.OK).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.CONFLICT).hasSize(racers - 1);
        assertThat(usedEvents(member)).isEqualTo(1);
        Map<String, Object> won = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.OK).findFirst().orElseThrow().getBody();
        assertThat(won).containsEntry("status", "REDEEMED");
        String winner = (String) won.get("requestId");

        var again = redeem(member, code, winner, "50.00");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("benefitId", won.get("benefitId")).containsEntry("redeemedAt", won.get("redeemedAt"));
        assertThat(usedEvents(member)).isEqualTo(1);

        var reversed = checkout("/benefits/redemptions/reversals", Map.of(
                "memberId", member, "requestId", winner, "reason", "order refunded"));
        assertThat(reversed.getBody()).containsEntry("status", "RESTORED");
        assertThat(redeem(member, code, "after-refund-" + member, "50.00").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(published(member, BenefitRedeemed.class, 2)).extracting(BenefitRedeemed::requestId)
                .containsExactly(winner, "after-refund-" + member);
        assertThat(published(member, BenefitRestored.class, 1)).singleElement()
                .satisfies(restored -> assertThat(restored.requestId()).isEqualTo(winner));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(benefit(history(member), "SILVER_PACK_20")).containsEntry("status", "USED"));
    }

    @Test
    void aRequestIdReusedForAnotherCouponIsRefusedAndAnUnknownRedemptionCannotBeReversed() {
        String member = newMember();
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(1))));
        Map<String, String> codes = couponCodes(member, 2);
        assertThat(redeem(member, codes.get("SILVER_PACK_20"), "pos-" + member, "120.00").getStatusCode()).isEqualTo(HttpStatus.OK);

        var reused = redeem(member, codes.get("SILVER_PACK_10_99"), "pos-" + member, "120.00");
        var unknown = checkout("/benefits/redemptions/reversals", Map.of(
                "memberId", member, "requestId", "never-" + member, "reason", "order refunded"));
        var ofAStranger = checkout("/benefits/redemptions/reversals", Map.of(
                "memberId", newMember(), "requestId", "never", "reason", "order refunded"));

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reused.getBody()).containsEntry("code", "request-id-reused");
        assertThat(validate(member, codes.get("SILVER_PACK_10_99"), "120.00", "APP")).containsEntry("usable", true);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("code", "redemption-not-found");
        assertThat(ofAStranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(usedEvents(member)).isOne();
    }

    /** A refund after the coupon's validity ended: the redemption is reversed, but the coupon stays used (nothing to restore). */
    @Test
    void aReversalAfterTheCouponExpiredReversesTheRedemptionWithoutRestoringTheCoupon() {
        String member = newMember();
        Instant expiresAt = now().plus(Duration.ofSeconds(15));
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, expiresAt.minus(Duration.ofDays(90))));
        String code = couponCodes(member, 2).get("SILVER_PACK_20");
        var redeemed = redeem(member, code, "late-refund-" + member, "50.00");
        assertThat(redeemed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(redeemed.getBody()).containsEntry("validUntil", expiresAt.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiresAt));
        var reversed = checkout("/benefits/redemptions/reversals", Map.of(
                "memberId", member, "requestId", "late-refund-" + member, "reason", "order refunded"));
        var again = checkout("/benefits/redemptions/reversals", Map.of(
                "memberId", member, "requestId", "late-refund-" + member, "reason", "order refunded"));

        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reversed.getBody()).containsEntry("status", "REVERSED");
        assertThat(again.getBody()).containsEntry("status", "REVERSED");
        assertThat(storedCount(member, "CouponUseReversed")).isOne();
        assertThat(storedCount(member, "CouponReinstated")).isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(benefit(history(member), "SILVER_PACK_20"))
                .containsEntry("status", "USED")
                .containsEntry("statusReason", "REFUNDED_AFTER_EXPIRY"));
        assertThat(validate(member, code, "50.00", "APP")).containsEntry("reason", "ALREADY_USED");
    }

    /**
     * Two instances on one database and broker, four checkout threads on each, released together. Each
     * instance's first redemption waits, after the aggregate let it through and before its append, until the
     * other instance's has too: both then append the member's next event, and the event store lets one in.
     */
    @Test
    void ofConcurrentRedemptionsOfOneCouponOnTwoInstancesExactlyOneWins() throws Exception {
        String member = newMember();
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(1))));
        String code = couponCodes(member, 2).get("SILVER_PACK_20");
        CyclicBarrier bothPassedTheRules = new CyclicBarrier(2);
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(BenefitServiceApplication.class).run("--server.port=0", SECOND_INSTANCE);
                Registration here = commandBus.registerHandlerInterceptor(holdFirstRedemption(member, bothPassedTheRules));
                Registration there = other.getBean(CommandBus.class)
                        .registerHandlerInterceptor(holdFirstRedemption(member, bothPassedTheRules))) {
            TestRestTemplate otherHttp = new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://127.0.0.1:" + other.getEnvironment().getProperty("local.server.port")));
            List<CompletableFuture<ResponseEntity<Map<String, Object>>>> racing = IntStream.range(0, racers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return redeem(i % 2 == 0 ? http : otherHttp, member, code, "race2-" + i + "-" + member, "50.00");
                    }, threads))
                    .toList();
            for (var answer : racing) {
                answers.add(answer.get(90, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdown();
        }

        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.OK).singleElement()
                .satisfies(won -> assertThat(won.getBody()).containsEntry("status", "REDEEMED"));
        assertThat(answers).filteredOn(a -> a.getStatusCode() != HttpStatus.OK).hasSize(racers - 1).allSatisfy(lost -> {
            assertThat(lost.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(lost.getBody().get("code")).isIn("concurrent-modification", "coupon-not-usable");
        });
        assertThat(answers).filteredOn(a -> "concurrent-modification".equals(a.getBody().get("code")))
                .as("the other instance's first redemption lost at the event store")
                .isNotEmpty();
        assertThat(usedEvents(member)).isOne();
        assertThat(published(member, BenefitRedeemed.class, 1)).hasSize(1);
    }

    @Test
    void aRedemptionOnAnInstanceWhoseCopyIsStaleLosesToTheOtherInstancesAndChangesNothing() {
        String member = newMember();
        publish(tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(1))));
        String code = couponCodes(member, 2).get("SILVER_PACK_20");
        Map<String, Object> usable = validate(member, code, "50.00", "APP"); // this instance now holds the member in its cache
        assertThat(usable).containsEntry("usable", true);
        String coupon = (String) usable.get("benefitId");

        // Another instance redeems the coupon: it appends the next event of the member's stream.
        long next = eventStore.lastSequenceNumberFor(member).orElseThrow() + 1;
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("MemberBenefits", member,
                next, new CouponUsed(MemberId.of(member), "default", coupon, "SILVER_PACK_20", "other-instance", "O-9",
                        Money.of("50.00", "CNY"), "APP", now(), BenefitKind.UPGRADE_GIFT))));

        var stale = redeem(member, code, "this-instance-" + member, "50.00");
        var retried = redeem(member, code, "this-instance-" + member, "50.00");

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody()).containsEntry("code", "concurrent-modification");
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(retried.getBody()).containsEntry("code", "coupon-not-usable");
        assertThat((String) retried.getBody().get("detail")).contains("ALREADY_USED");
        assertThat(usedEvents(member)).isOne();
    }

    @Test
    void theBirthdayGiftComesOnceAYearEvenWhenItsTimerFiresAgainAfterARestart() {
        String member = newMember();
        LocalDate today = LocalDate.now(PROGRAMME_ZONE);
        publisher.publish("/loyalty/member-service", registered(member, today.minusYears(30)));

        await().atMost(Duration.ofSeconds(60)).until(() -> codes(history(member)).contains("BIRTHDAY_20"));
        int year = today.getYear();
        await().atMost(Duration.ofSeconds(30)).until(() -> firedAt(member, year) != null && timerExists(member, year + 1));

        // As after a crash between the gift and the timer's bookkeeping: the timer is due again, and an instance
        // started afresh (nothing cached) fires it. It is re-armed until that instance, not this one, has fired it.
        memberBenefitsCache.removeAll();
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(BenefitServiceApplication.class).run("--server.port=0", SECOND_INSTANCE)) {
            DueTimers timersThere = restarted.getBean(DueTimers.class);
            MeterRegistry metersThere = restarted.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                if (firedAt(member, year) != null) {
                    jdbc.update("update due_timer set fired_at = null, retry_at = null where timer_key = ?", key(member, year));
                }
                timersThere.fireDue(10);
                var fired = metersThere.find("loyalty.timers.lag").tag("kind", "birthday-gift").timer();
                return fired != null && fired.count() > 0 && firedAt(member, year) != null;
            });
        }

        assertThat(codes(history(member))).containsOnlyOnce("BIRTHDAY_20");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%BirthdayGiftGiven'",
                        Long.class, member))
                .isOne();
        assertThat(benefit(history(member), "BIRTHDAY_20")).containsEntry("kind", BenefitKind.BIRTHDAY_GIFT.name());
    }

    /**
     * A birthday sealed with the member's data key (ADR 9) is opened with the copy from
     * loyalty.member-keys.v1; the member's erasure shreds that copy even before the key's tombstone.
     */
    @Test
    void aSealedBirthdayIsOpenedWithTheMembersKeyForTheGiftAndTheKeyIsShreddedOnErasure() {
        String member = newMember();
        LocalDate today = LocalDate.now(PROGRAMME_ZONE);
        byte[] key = PersonalDataCipher.newKey();
        publishKey(member, key);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from member_data_key where member_id = ? and data_key is not null", Long.class, member) == 1);
        publisher.publish("/loyalty/member-service", sealedRegistration(member, key, today.minusYears(30)));

        await().atMost(Duration.ofSeconds(60)).until(() -> codes(history(member)).contains("BIRTHDAY_20"));
        await().atMost(Duration.ofSeconds(30)).until(() -> firedAt(member, today.getYear()) != null
                && timerExists(member, today.getYear() + 1));
        assertThat(codes(history(member))).containsOnlyOnce("BIRTHDAY_20");

        publisher.publish("/loyalty/member-service", new MemberErased(MemberId.of(member), "default", "request", now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from member_data_key where member_id = ? and data_key is null and shredded_at is not null",
                Long.class, member) == 1);
    }

    /** The key and member topics are not ordered together: a sealed registration waits for its key. */
    @Test
    void aSealedRegistrationWhoseKeyArrivesLaterIsAppliedOnceTheKeyIsThere() {
        String member = newMember();
        LocalDate today = LocalDate.now(PROGRAMME_ZONE);
        byte[] key = PersonalDataCipher.newKey();
        publisher.publish("/loyalty/member-service", sealedRegistration(member, key, today.minusYears(22)));

        // Retried while the key is unknown: no birthday noted, no gift.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%BirthdayNoted'",
                Long.class, member) == 0);

        publishKey(member, key);
        await().atMost(Duration.ofSeconds(90)).until(() -> codes(history(member)).contains("BIRTHDAY_20"));
        assertThat(codes(history(member))).containsOnlyOnce("BIRTHDAY_20");
        try (TopicReader dlt = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.MEMBERS))) {
            assertThat(dlt.matching(TopicReader.keyed(member))).isEmpty();
        }
    }

    @Test
    void aFrozenMemberGetsNoBirthdayGiftThatYear() {
        String member = newMember();
        LocalDate today = LocalDate.now(PROGRAMME_ZONE);
        publisher.publish("/loyalty/member-service", new MemberStatusChanged(
                MemberId.of(member), "default", MemberStatus.FROZEN, MemberStatus.ACTIVE, "fraud review", "agent-1", now()));
        publisher.publish("/loyalty/member-service", registered(member, today.minusYears(25)));

        await().atMost(Duration.ofSeconds(60)).until(() -> firedAt(member, today.getYear()) != null
                && timerExists(member, today.getYear() + 1));
        assertThat(history(member)).isEmpty();
    }

    @Test
    void memberEventsThatChangeNothingAreAppliedNotDeadLetteredAndAnErasedMemberGetsNoBirthdayGift() {
        String stranger = newMember();
        String erased = newMember();
        LocalDate nextMonth = LocalDate.now(PROGRAMME_ZONE).plusMonths(1);
        publisher.publish("/loyalty/member-service", new MemberStatusChanged(
                MemberId.of(stranger), "default", MemberStatus.ACTIVE, MemberStatus.FROZEN, "cleared", "agent-1", now()));
        publisher.publish("/loyalty/member-service", new MemberErased(MemberId.of(stranger), "default", "request", now()));
        publisher.publish("/loyalty/member-service", registered(erased, nextMonth.minusYears(40)));
        await().atMost(Duration.ofSeconds(60)).until(() -> timerExists(erased, nextMonth.getYear()));
        publisher.publish("/loyalty/member-service", new MemberErased(MemberId.of(erased), "default", "request", now()));
        publisher.publish("/loyalty/member-service", new MemberStatusChanged(
                MemberId.of(stranger), "default", MemberStatus.FROZEN, MemberStatus.ACTIVE, "marker", "agent-1", now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%MemberStandingNoted'",
                Long.class, stranger) == 2); // first seen ACTIVE, then the FROZEN marker
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%BirthdayForgotten'",
                Long.class, erased) == 1);
        try (TopicReader dlt = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.MEMBERS))) {
            assertThat(dlt.matching(TopicReader.keyed(stranger))).isEmpty();
            assertThat(dlt.matching(TopicReader.keyed(erased))).isEmpty();
        }
        // The timer set before the erasure fires at its date, finds no birthday, gives nothing and sets no more.
        String key = key(erased, nextMonth.getYear());
        jdbc.update("update due_timer set due_at = now() where timer_key = ?", key);
        await().atMost(Duration.ofSeconds(30)).until(() -> firedAt(erased, nextMonth.getYear()) != null);
        assertThat(history(erased)).isEmpty();
        assertThat(timerExists(erased, nextMonth.getYear() + 1)).isFalse();
    }

    @Test
    void aRebuildFromTheEventsReproducesEveryMembersBenefitsAndCouponsExactly() {
        String member = newMember();
        publish(tierChanged(member, "MEMBER", "DIAMOND", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(3))));
        String code = couponCodes(member, 1).get("DIAMOND_PACK_100_500"); // only the tier reached brings its pack
        assertThat(redeem(member, code, "rebuild-" + member, "600.00").getStatusCode()).isEqualTo(HttpStatus.OK);
        publish(tierChanged(member, "DIAMOND", "SILVER", TierChangeReason.MANUAL, now().minus(Duration.ofDays(1))));
        await().atMost(Duration.ofSeconds(60)).until(() -> codes(history(member)).contains("MEMBER_PRICE_98")
                && "USED".equals(benefit(history(member), "DIAMOND_PACK_100_500").get("status")));
        List<Map<String, Object>> before = settledRows();
        assertThat(before).extracting(row -> row.get("member_id")).contains(member);

        HttpHeaders admin = new HttpHeaders();
        admin.setBearerAuth(TestTokens.mint("ops-1", TestTokens.ADMIN));
        var rebuild = http.exchange("/actuator/projections/member-benefits", HttpMethod.POST, new HttpEntity<>(admin), Map.class);

        assertThat(rebuild.getStatusCode()).isEqualTo(HttpStatus.OK);
        // Every member's rows, exactly: the same rows with the same values, none missing, none more.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(allRows()).isEqualTo(before));
        assertThat(history(member)).extracting(b -> b.get("code") + ":" + b.get("status")).containsExactlyInAnyOrder(
                "MEMBER_PRICE_92:REVOKED", "PRIORITY_DELIVERY:ACTIVE", "FREE_SHIPPING:REVOKED", "SERVICE_LINE:REVOKED",
                "DIAMOND_PACK_100_500:USED", "MEMBER_PRICE_98:ACTIVE");
    }

    @Test
    void aRecordViolatingTheSchemaIsDeadLetteredAndTheMembersStreamGoesOn() {
        String member = newMember();
        var valid = CloudEventCodec.toRecord(envelope(UUID.randomUUID().toString(),
                tierChanged(member, "MEMBER", "SILVER", TierChangeReason.QUALIFIED, now())));
        String broken = new String(valid.value(), StandardCharsets.UTF_8).replace("\"QUALIFIED\"", "\"PROMOTED\"");
        publisher.send(new ProducerRecord<>(valid.topic(), null, valid.key(), broken.getBytes(StandardCharsets.UTF_8), valid.headers()));
        publish(tierChanged(member, "MEMBER", "GOLD", TierChangeReason.QUALIFIED, now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> codes(history(member)).contains("GOLD_PACK_50_299"));
        assertThat(codes(history(member))).doesNotContain("SILVER_PACK_20");

        try (TopicReader dlt = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.TIERS))) {
            var record = dlt.awaitRecords(TopicReader.keyed(member)).get(0);
            assertThat(new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("TierChanged violates its schema")
                    .contains("$.reason");
            assertThat(record.value()).isEqualTo(broken.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMemberWithoutBenefitsHasAnEmptyListAndPaysTheListPrice() {
        String member = newMember();
        var response = http.getForEntity("/members/{id}/benefits", List.class, member);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEmpty();
        assertThat(pricing(member, "99.90")).containsEntry("payable", Map.of("value", "99.90", "currency", "CNY"))
                .containsEntry("tier", null);
    }

    @Test
    void theCatalogueIsShown() {
        List<Map<String, Object>> catalogue = http.exchange("/benefits/catalogue", HttpMethod.GET, null,
                        new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .getBody();

        assertThat(catalogue).singleElement().satisfies(programme -> {
            assertThat(programme).containsEntry("programId", "default").containsEntry("version", "benefits-v1");
            assertThat((List<Map<String, Object>>) programme.get("tiers"))
                    .extracting(tier -> tier.get("tier"))
                    .containsExactly("MEMBER", "SILVER", "GOLD", "DIAMOND", "ACADEMICIAN");
            assertThat((Map<String, Object>) programme.get("exchange")).containsOnlyKeys("EXCHANGE_20", "EXCHANGE_50_300");
        });
    }

    @Test
    void exposesHealthAndMetrics() {
        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("application=\"benefit-service\"")
                .contains("loyalty_events_consumed_total{"));
    }

    /*
     * The points exchange saga against a real HTTP server standing in for points-service, with a failure at
     * each step. Each test asserts both or neither: what points-service was asked (reserve, confirm, cancel),
     * the coupon in the member's assets and the member's aggregate, and what was published.
     */

    @Test
    void anExchangeReservesThePointsAtTheTiersRateConfirmsThemAndOnlyThenIssuesTheCoupon() {
        String member = newMember();
        publish(tierChanged(member, "MEMBER", "GOLD", TierChangeReason.QUALIFIED, now().minus(Duration.ofDays(1))));
        awaitCodes(member, false, "MEMBER_PRICE_95", "PRIORITY_DELIVERY", "FREE_SHIPPING", "SERVICE_LINE",
                "GOLD_PACK_50_299", "GOLD_EXCLUSIVE_30_199");
        String reservation = stubReservation(member, 201);
        stubStep(member, reservation, "confirm", 200);

        Map<String, Object> exchange = awaitExchange(member, startExchange(member, "EXCHANGE_20"), "COMPLETED");

        assertThat(exchange).containsEntry("points", 1800).containsEntry("reservationId", reservation);
        pointsService.verify(1, WireMock.postRequestedFor(WireMock.urlEqualTo(reservations(member)))
                .withRequestBody(WireMock.matchingJsonPath("$.points", WireMock.equalTo("1800")))
                .withRequestBody(WireMock.matchingJsonPath("$.requestId", WireMock.equalTo("exchange-" + exchange.get("exchangeId")))));
        assertCalls(member, reservation, 1, 1, 0);
        Map<String, Object> coupon = awaitCoupon(member, "EXCHANGE_20", "ACTIVE");
        assertThat(coupon).containsEntry("kind", "COUPON").containsEntry("benefitId", exchange.get("couponId"));
        String code = exchangeCode(member, 7); // the GOLD grants and the exchange's coupon
        assertThat(validate(member, code, "100.00", "APP")).containsEntry("usable", true);

        // The confirmation's timer fires again, as after a crash before its bookkeeping: nothing more is asked or issued.
        memberBenefitsCache.removeAll();
        String confirmKey = exchangeTimer(member, exchange, "confirm");
        jdbc.update("update due_timer set fired_at = null, retry_at = null where timer_key = ?", confirmKey);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select fired_at is not null from due_timer where timer_key = ?", Boolean.class, confirmKey));
        assertCalls(member, reservation, 1, 1, 0);
        assertThat(codes(history(member))).containsOnlyOnce("EXCHANGE_20");
        assertThat(storedCount(member, "CouponIssued")).isEqualTo(3); // the GOLD pack's two and the exchange's
        assertThat(startExchange(member, "EXCHANGE_20").getBody()).containsEntry("status", "COMPLETED"); // the same request
    }

    @Test
    void anExchangeCallsPointsServiceWithACheckoutTokenOfBenefitServicesOwnClient() {
        String member = newMember();
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo("/oauth2/token"))
                .withBasicAuth("benefit-service", "s3cret")
                .withRequestBody(WireMock.containing("grant_type=client_credentials"))
                .withRequestBody(WireMock.containing("scope=loyalty.checkout"))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"token-of-benefit-service\",\"expires_in\":300}")));
        String reservation = stubReservation(member, 201);
        stubStep(member, reservation, "confirm", 200);
        System.setProperty("loyalty.benefits.exchange.token-uri", pointsService.baseUrl() + "/oauth2/token");
        System.setProperty("loyalty.benefits.exchange.client-secret", "s3cret");
        try {
            awaitExchange(member, startExchange(member, "EXCHANGE_50_300"), "COMPLETED");
        } finally {
            System.clearProperty("loyalty.benefits.exchange.token-uri");
            System.clearProperty("loyalty.benefits.exchange.client-secret");
        }

        pointsService.verify(WireMock.postRequestedFor(WireMock.urlEqualTo(reservations(member)))
                .withHeader("Authorization", WireMock.equalTo("Bearer token-of-benefit-service")));
        pointsService.verify(WireMock.postRequestedFor(WireMock.urlEqualTo(reservations(member) + "/" + reservation + "/confirm"))
                .withHeader("Authorization", WireMock.equalTo("Bearer token-of-benefit-service")));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(codes(history(member))).containsExactly("EXCHANGE_50_300"));
    }

    @Test
    void anExchangeWhosePointsAreRefusedFailsWithoutACoupon() {
        String member = newMember();
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(reservations(member))).willReturn(WireMock.aResponse()
                .withStatus(409).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"code\":\"insufficient-points\",\"detail\":\"not enough\"}")));

        Map<String, Object> exchange = awaitExchange(member, startExchange(member, "EXCHANGE_20"), "FAILED");

        assertThat(exchange).containsEntry("reason", "insufficient-points").containsEntry("points", 2000)
                .containsEntry("reservationId", null).containsEntry("couponId", null);
        pointsService.verify(1, WireMock.postRequestedFor(WireMock.urlEqualTo(reservations(member))));
        pointsService.verify(0, WireMock.postRequestedFor(WireMock.urlMatching(reservations(member) + "/.*")));
        assertNoCoupon(member);
    }

    @Test
    void aReservationThatFailsForAWhileIsRetriedUntilTheExchangeCompletes() {
        String member = newMember();
        String url = reservations(member);
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(url)).inScenario(member)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.aResponse().withStatus(503))
                .willSetStateTo("up"));
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(url)).inScenario(member).whenScenarioStateIs("up")
                .willReturn(WireMock.aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"reservationId\":\"R-" + member + "\",\"status\":\"RESERVED\"}")));
        stubStep(member, "R-" + member, "confirm", 200);

        awaitExchange(member, startExchange(member, "EXCHANGE_20"), "COMPLETED");

        assertCalls(member, "R-" + member, 2, 1, 0);
        awaitCoupon(member, "EXCHANGE_20", "ACTIVE");
        assertThat(codes(history(member))).containsExactly("EXCHANGE_20");
        assertThat(exchangeCode(member, 1)).matches(CODE);
    }

    /**
     * points-service reserved, but its answer never reached this service (as if it crashed right after the
     * call): the step is repeated under the same request id, and points-service answers the same reservation,
     * so there is one reservation, confirmed once.
     */
    @Test
    void aReservationWhoseAnswerWasLostIsAskedForAgainUnderTheSameRequestIdAndUsedOnce() {
        String member = newMember();
        String url = reservations(member);
        String reservation = "R-" + UUID.randomUUID();
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(url)).inScenario(member)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("reserved"));
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(url)).inScenario(member).whenScenarioStateIs("reserved")
                .willReturn(WireMock.aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"reservationId\":\"" + reservation + "\",\"status\":\"RESERVED\"}")));
        stubStep(member, reservation, "confirm", 200);

        Map<String, Object> exchange = awaitExchange(member, startExchange(member, "EXCHANGE_20"), "COMPLETED");

        assertThat(exchange).containsEntry("reservationId", reservation);
        assertCalls(member, reservation, 2, 1, 0);
        pointsService.verify(2, WireMock.postRequestedFor(WireMock.urlEqualTo(url))
                .withRequestBody(WireMock.matchingJsonPath("$.requestId", WireMock.equalTo("exchange-" + exchange.get("exchangeId")))));
        awaitCoupon(member, "EXCHANGE_20", "ACTIVE");
        assertThat(codes(history(member))).containsExactly("EXCHANGE_20");
    }

    @Test
    void anExchangeWhoseCouponMayNotBeIssuedCancelsTheReservation() {
        String member = frozenMember();
        String reservation = stubReservation(member, 201);
        stubStep(member, reservation, "cancel", 200);

        Map<String, Object> exchange = awaitExchange(member, startExchange(member, "EXCHANGE_20"), "FAILED");

        assertThat(exchange).containsEntry("reason", "ISSUE_REFUSED").containsEntry("couponId", null);
        assertCalls(member, reservation, 1, 0, 1);
        assertNoCoupon(member);
    }

    /**
     * The coupon is held, not issued, while points-service cannot confirm: not listed, not usable, its code
     * not published. Once the confirmation goes through, it is issued.
     */
    @Test
    void aConfirmationFailingForAWhileIsRetriedAndTheCouponIsUsableOnlyOnceThePointsAreSpent() {
        String member = newMember();
        String reservation = stubReservation(member, 201);
        stubStep(member, reservation, "confirm", 503);

        Map<String, Object> held = awaitExchange(member, startExchange(member, "EXCHANGE_20"), "ISSUED");
        String confirmKey = exchangeTimer(member, held, "confirm");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select attempts from due_timer where timer_key = ?", Integer.class, confirmKey) >= 1);

        String couponId = (String) held.get("couponId");
        assertThat(couponId).isNotNull();
        assertThat(history(member)).isEmpty();
        assertThat(validateBenefit(member, couponId, "100.00", "APP")).containsEntry("usable", false)
                .containsEntry("reason", "UNKNOWN_CODE");
        assertThat(storedCount(member, "CouponIssued")).isZero(); // so nothing published: no code to use

        stubStep(member, reservation, "confirm", 200);
        Map<String, Object> exchange = awaitExchange(member, startExchange(member, "EXCHANGE_20"), "COMPLETED");

        assertThat(exchange).containsEntry("couponId", couponId);
        int confirmations = pointsService.countRequestsMatching(WireMock.postRequestedFor(
                WireMock.urlEqualTo(reservations(member) + "/" + reservation + "/confirm")).build()).getCount();
        assertThat(confirmations).isGreaterThanOrEqualTo(2);
        assertCalls(member, reservation, 1, confirmations, 0);
        awaitCoupon(member, "EXCHANGE_20", "ACTIVE");
        assertThat(validateBenefit(member, couponId, "100.00", "APP")).containsEntry("usable", true);
        assertThat(validate(member, exchangeCode(member, 1), "100.00", "APP")).containsEntry("benefitId", couponId);
    }

    /** The reservation expired before the confirmation: the points are not spent, and the held coupon never becomes usable. */
    @Test
    void anExchangeWhoseConfirmationIsRefusedNeverIssuesItsCoupon() {
        String member = newMember();
        String reservation = stubReservation(member, 201);
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(reservations(member) + "/" + reservation + "/confirm"))
                .willReturn(WireMock.aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"code\":\"reservation-closed\",\"detail\":\"expired\"}")));

        Map<String, Object> exchange = awaitExchange(member, startExchange(member, "EXCHANGE_20"), "FAILED");

        assertThat(exchange).containsEntry("reason", "reservation-closed");
        String confirmKey = exchangeTimer(member, exchange, "confirm");
        assertThat(jdbc.queryForObject("select fired_at is not null and attempts = 0 from due_timer where timer_key = ?",
                        Boolean.class, confirmKey))
                .as("refused for good: not asked again")
                .isTrue();
        assertCalls(member, reservation, 1, 1, 0);
        assertNoCoupon(member);
        assertThat(validateBenefit(member, (String) exchange.get("couponId"), "100.00", "APP"))
                .containsEntry("usable", false);
    }

    @Test
    void aCancellationFailingForAWhileIsRetriedUntilThePointsAreReleased() {
        String member = frozenMember();
        String reservation = stubReservation(member, 201);
        String cancel = reservations(member) + "/" + reservation + "/cancel";
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(cancel)).inScenario("cancel-" + member)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.aResponse().withStatus(503))
                .willSetStateTo("up"));
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(cancel)).inScenario("cancel-" + member)
                .whenScenarioStateIs("up")
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"reservationId\":\"" + reservation + "\",\"status\":\"CANCELLED\"}")));

        Map<String, Object> exchange = awaitExchange(member, startExchange(member, "EXCHANGE_20"), "FAILED");

        assertThat(exchange).containsEntry("reason", "ISSUE_REFUSED");
        assertCalls(member, reservation, 1, 0, 2);
        assertNoCoupon(member);
    }

    /**
     * points-service refuses the cancellation for good (the reservation is unknown, or was confirmed by
     * someone else): asking again would change nothing, so the exchange ends as CANCEL_REFUSED, for support
     * to look at, and the step is not retried. No coupon is issued.
     */
    @Test
    void aCancellationRefusedForGoodEndsTheExchangeWithoutAskingAgain() {
        String member = frozenMember();
        String reservation = stubReservation(member, 201);
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(reservations(member) + "/" + reservation + "/cancel"))
                .willReturn(WireMock.aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"code\":\"reservation-closed\",\"detail\":\"confirmed\"}")));

        Map<String, Object> exchange = awaitExchange(member, startExchange(member, "EXCHANGE_20"), "FAILED");

        assertThat(exchange).containsEntry("reason", "CANCEL_REFUSED");
        String cancelKey = exchangeTimer(member, exchange, "cancel");
        assertThat(jdbc.queryForObject("select fired_at is not null and attempts = 0 from due_timer where timer_key = ?",
                        Boolean.class, cancelKey))
                .isTrue();
        assertCalls(member, reservation, 1, 0, 1);
        assertNoCoupon(member);
    }

    // --- helpers

    /**
     * Holds the first redemption of the member's coupon that the aggregate lets through on an instance, before its
     * append, until the other instance's is there too.
     */
    private static MessageHandlerInterceptor<CommandMessage<?>> holdFirstRedemption(String member, CyclicBarrier bothPassed) {
        AtomicBoolean first = new AtomicBoolean(true);
        return (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RedeemCoupon redeem && redeem.memberId().value().equals(member)) {
                // Only a redemption the aggregate let through gets to prepare its commit; the first of them waits.
                unitOfWork.onPrepareCommit(u -> {
                    if (!first.compareAndSet(true, false)) {
                        return;
                    }
                    try {
                        bothPassed.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new IllegalStateException("The other instance's redemption never reached the event store", e);
                    }
                });
            }
            return chain.proceed();
        };
    }

    /**
     * What makes a second context in this JVM a second instance: Axon names a token owner after the
     * JVM, and two owners of one name would both process the same segments.
     */
    private static final String SECOND_INSTANCE = "--loyalty.axon.node-id=benefit-service-second-instance";

    /** What points-service was asked for the member's reservation: reserve, confirm, cancel. */
    private static void assertCalls(String member, String reservation, int reserve, int confirm, int cancel) {
        String url = reservations(member);
        pointsService.verify(reserve, WireMock.postRequestedFor(WireMock.urlEqualTo(url)));
        pointsService.verify(confirm, WireMock.postRequestedFor(WireMock.urlEqualTo(url + "/" + reservation + "/confirm")));
        pointsService.verify(cancel, WireMock.postRequestedFor(WireMock.urlEqualTo(url + "/" + reservation + "/cancel")));
    }

    /** Neither listed nor ever issued (so never published with a code, nor usable). */
    private void assertNoCoupon(String member) {
        assertThat(history(member)).isEmpty();
        assertThat(storedCount(member, "CouponIssued")).isZero();
        assertThat(storedCount(member, "CouponWithdrawn")).isZero();
    }

    private long storedCount(String member, String eventType) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, member, "%" + eventType);
    }

    private Map<String, Object> awaitCoupon(String member, String code, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> codes(history(member)).contains(code));
        Map<String, Object> coupon = benefit(history(member), code);
        assertThat(coupon).containsEntry("status", status);
        return coupon;
    }

    /** The exchange coupon's code, from its published grant; {@code grants}: how many the member has been published. */
    private String exchangeCode(String member, int grants) {
        return published(member, BenefitGranted.class, grants).stream()
                .filter(granted -> granted.benefitCode().equals("EXCHANGE_20"))
                .map(granted -> granted.coupon().code())
                .reduce((a, b) -> {
                    throw new AssertionError("two grants of the exchange's coupon");
                })
                .orElseThrow();
    }

    private static String exchangeTimer(String member, Map<String, Object> exchange, String step) {
        return "points-exchange:" + member + ":" + exchange.get("exchangeId") + "-" + step;
    }

    /** A member frozen: the exchange's coupon may not be issued to them. */
    private String frozenMember() {
        String member = newMember();
        publisher.publish("/loyalty/member-service", new MemberStatusChanged(
                MemberId.of(member), "default", MemberStatus.FROZEN, MemberStatus.ACTIVE, "fraud review", "agent-1", now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, member) > 0);
        return member;
    }

    private static String reservations(String member) {
        return "/members/" + member + "/points/reservations";
    }

    private static String stubReservation(String member, int status) {
        String reservation = "R-" + UUID.randomUUID();
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(reservations(member))).willReturn(WireMock.aResponse()
                .withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"reservationId\":\"" + reservation + "\",\"status\":\"RESERVED\"}")));
        return reservation;
    }

    private static void stubStep(String member, String reservation, String step, int status) {
        pointsService.stubFor(WireMock.post(WireMock.urlEqualTo(reservations(member) + "/" + reservation + "/" + step))
                .willReturn(WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"reservationId\":\"" + reservation + "\"}")));
    }

    private ResponseEntity<Map<String, Object>> startExchange(String member, String item) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.member(member));
        return http.exchange("/members/{id}/benefits/exchanges", HttpMethod.POST,
                new HttpEntity<>(Map.of("requestId", "x-" + member, "item", item), headers),
                new ParameterizedTypeReference<Map<String, Object>>() {}, member);
    }

    private Map<String, Object> awaitExchange(String member, ResponseEntity<Map<String, Object>> started, String status) {
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String exchangeId = (String) started.getBody().get("exchangeId");
        List<Map<String, Object>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = http.exchange("/members/{id}/benefits/exchanges/{exchangeId}", HttpMethod.GET, null,
                    new ParameterizedTypeReference<Map<String, Object>>() {}, member, exchangeId);
            seen.add(0, response.getBody());
            return status.equals(response.getBody().get("status"));
        });
        return seen.get(0);
    }

    private List<Map<String, Object>> allRows() {
        return jdbc.queryForList("select * from member_benefit order by benefit_id");
    }

    /** Every row, once the projection has settled (two reads half a second apart agree): what a rebuild must reproduce. */
    private List<Map<String, Object>> settledRows() {
        List<List<Map<String, Object>>> reads = new ArrayList<>(List.of(allRows()));
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500)).until(() -> {
            reads.add(allRows());
            return reads.get(reads.size() - 1).equals(reads.get(reads.size() - 2));
        });
        return reads.get(reads.size() - 1);
    }

    private long usedEvents(String member) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%CouponUsed'",
                Long.class, member);
    }

    private static String key(String member, int year) {
        return "birthday-gift:" + member + ":" + year;
    }

    private Instant firedAt(String member, int year) {
        List<java.sql.Timestamp> fired = jdbc.queryForList(
                "select fired_at from due_timer where timer_key = ?", java.sql.Timestamp.class, key(member, year));
        return fired.isEmpty() || fired.get(0) == null ? null : fired.get(0).toInstant();
    }

    private boolean timerExists(String member, int year) {
        return jdbc.queryForObject("select count(*) from due_timer where timer_key = ?", Long.class, key(member, year)) == 1;
    }

    /** The codes of the member's coupons, from the grants published to them (the only place a code is in clear). */
    private Map<String, String> couponCodes(String member, int coupons) {
        Map<String, String> codes = new java.util.HashMap<>();
        try (TopicReader topic = new TopicReader(SharedKafka.bootstrapServers(), Topics.BENEFITS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                topic.matching(TopicReader.keyed(member)).stream()
                        .map(record -> CloudEventCodec.fromRecord(record).data())
                        .filter(BenefitGranted.class::isInstance)
                        .map(BenefitGranted.class::cast)
                        .filter(granted -> granted.coupon() != null)
                        .forEach(granted -> codes.put(granted.benefitCode(), granted.coupon().code()));
                return codes.size() >= coupons;
            });
        }
        return codes;
    }

    private <E extends IntegrationEvent> List<E> published(String member, Class<E> type, int count) {
        try (TopicReader topic = new TopicReader(SharedKafka.bootstrapServers(), Topics.BENEFITS)) {
            List<E> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                events.clear();
                topic.matching(TopicReader.keyed(member)).stream()
                        .map(record -> {
                            EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(record);
                            assertThat(envelope.source().toString()).isEqualTo("/loyalty/benefit-service");
                            return envelope.data();
                        })
                        .filter(type::isInstance)
                        .map(type::cast)
                        .forEach(events::add);
                return events.size() >= count;
            });
            assertThat(events).hasSize(count);
            return events;
        }
    }

    private Map<String, Object> validate(String member, String code, String amount, String channel) {
        var response = checkout("/benefits/validations", Map.of(
                "memberId", member, "code", code, "orderAmount", Map.of("value", amount, "currency", "CNY"), "channel", channel));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> validateBenefit(String member, String benefitId, String amount, String channel) {
        var response = checkout("/benefits/validations", Map.of(
                "memberId", member, "benefitId", benefitId, "orderAmount", Map.of("value", amount, "currency", "CNY"),
                "channel", channel));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<Map<String, Object>> redeem(String member, String code, String requestId, String amount) {
        return redeem(http, member, code, requestId, amount);
    }

    private static ResponseEntity<Map<String, Object>> redeem(
            TestRestTemplate on, String member, String code, String requestId, String amount) {
        return checkout(on, "/benefits/redemptions", Map.of(
                "requestId", requestId, "orderId", "O-" + requestId, "memberId", member, "code", code,
                "orderAmount", Map.of("value", amount, "currency", "CNY"), "channel", "APP"));
    }

    private ResponseEntity<Map<String, Object>> checkout(String path, Map<String, Object> body) {
        return checkout(http, path, body);
    }

    private static ResponseEntity<Map<String, Object>> checkout(TestRestTemplate on, String path, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.mint("checkout-1", TestTokens.CHECKOUT));
        return on.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                new ParameterizedTypeReference<Map<String, Object>>() {});
    }

    private Map<String, Object> pricing(String member, String amount) {
        var response = http.exchange("/members/{id}/pricing?amount={amount}&channel=APP", HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() {}, member, amount);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Map<String, Object>> awaitCodes(String member, boolean history, String... codes) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(codes(benefits(member, history)))
                .containsExactlyInAnyOrder(codes));
        return benefits(member, history);
    }

    private static List<String> codes(List<Map<String, Object>> benefits) {
        return benefits.stream().map(benefit -> (String) benefit.get("code")).toList();
    }

    private static Map<String, Object> benefit(List<Map<String, Object>> benefits, String code) {
        return benefits.stream().filter(b -> code.equals(b.get("code"))).findFirst().orElseThrow(
                () -> new AssertionError("no " + code + " in " + benefits));
    }

    private List<Map<String, Object>> history(String member) {
        return benefits(member, true);
    }

    private List<Map<String, Object>> benefits(String member, boolean history) {
        var response = http.exchange(
                "/members/{id}/benefits" + (history ? "?include=history" : ""),
                HttpMethod.GET,
                null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() {},
                member);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static MemberRegistered registered(String member, LocalDate birthday) {
        return new MemberRegistered(MemberId.of(member), "default", "李雷", "+8613800138000", "li.lei@example.com", birthday,
                new Consents(true, true), now());
    }

    /** As member-service registers today: the personal fields only sealed with the member's key. */
    private static MemberRegistered sealedRegistration(String member, byte[] key, LocalDate birthday) {
        String sealed = PersonalDataCipher.seal(
                MemberId.of(member), key, new PersonalData("李雷", "+8613800138000", "li.lei@example.com", birthday));
        return new MemberRegistered(
                MemberId.of(member), "default", null, null, null, null, new Consents(true, true), now(), sealed);
    }

    /** As member-service publishes a new member's data key on loyalty.member-keys.v1. */
    private static void publishKey(String member, byte[] key) {
        publisher.publish("/loyalty/member-service", new MemberDataKey(
                MemberId.of(member), "default", PersonalDataCipher.ALGORITHM, Base64.getEncoder().encodeToString(key), now()));
    }

    private static TierChanged tierChanged(String member, String from, String to, TierChangeReason reason, Instant at) {
        return new TierChanged(MemberId.of(member), "default", from, to, reason,
                new QualifyingValue(new BigDecimal("599.00"), "CNY"), "ladder-v1", at,
                to.equals("MEMBER") ? null : at.plus(Duration.ofDays(365)), List.of(UUID.randomUUID().toString()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Publishes as tier-service's relay does; returns the ce_id. */
    private static String publish(TierChanged event) {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, event);
        return eventId;
    }

    private static void publish(String eventId, TierChanged event) {
        publisher.publish(eventId, "/loyalty/tier-service", event);
    }

    private static EventEnvelope<TierChanged> envelope(String eventId, TierChanged event) {
        return new EventEnvelope<>(eventId, URI.create("/loyalty/tier-service"), OffsetDateTime.now(), event);
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}

package com.loyaltysuite.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.tier.CurrentTier;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.testsupport.MutableClock;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.TestTokens;
import com.loyaltysuite.testsupport.TopicReader;
import com.loyaltysuite.tier.membertier.RefundAwaitingOrderRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

/**
 * tier-service against the embedded KRaft broker and PostgreSQL, fed as the order system feeds it,
 * with a clock the tests move to make validity and manual tiers end. Every event emitted is decoded
 * (and so validated against its JSON Schema) as another team would read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(TierTestClock.class)
@SuppressWarnings("unchecked")
class TierServiceIT {

    static OrderSystem orders;

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MutableClock clock;

    @Autowired
    EventStore eventStore;

    @BeforeAll
    static void connect() {
        orders = new OrderSystem(SharedKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        orders.close();
    }

    @Test
    void reachingSilverPromotesTheMemberTellsOtherTeamsAndExplainsWhy() {
        String member = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        String eventId = orders.orderPaid(member, "O-" + member, "599.00", paidAt);

        Map<String, Object> tier = awaitTier(member, "SILVER");
        assertThat(tier)
                .containsEntry("memberId", member)
                .containsEntry("tierName", "银牌")
                .containsEntry("tierNameEn", "Silver")
                .containsEntry("since", paidAt.toString())
                .containsEntry("validUntil", yearAfter(paidAt).toString())
                .containsEntry("qualifyingValue", Map.of("value", "599.00", "unit", "CNY"))
                .containsEntry("nextTier", "GOLD")
                .containsEntry("neededForNextTier", Map.of("value", "1401.00", "unit", "CNY"))
                .containsEntry("retentionThreshold", Map.of("value", "500.00", "unit", "CNY"))
                .containsEntry("neededToKeep", Map.of("value", "500.00", "unit", "CNY"))
                .containsEntry("projectedTier", "MEMBER")
                .containsEntry("manual", null)
                .containsEntry("policyVersion", "ladder-v1");

        TierChanged changed = only(member, TierChanged.class);
        assertThat(changed.fromTier()).isEqualTo("MEMBER");
        assertThat(changed.toTier()).isEqualTo("SILVER");
        assertThat(changed.reason()).isEqualTo(TierChangeReason.QUALIFIED);
        assertThat(changed.programId()).isEqualTo("default");
        assertThat(changed.qualifyingValue().value()).isEqualByComparingTo("599.00");
        assertThat(changed.qualifyingValue().unit()).isEqualTo("CNY");
        assertThat(changed.policyVersion()).isEqualTo("ladder-v1");
        assertThat(changed.effectiveAt()).isEqualTo(paidAt);
        assertThat(changed.validUntil()).isEqualTo(yearAfter(paidAt));
        assertThat(changed.causationIds()).containsExactly(eventId);

        List<Map<String, Object>> history = history(member);
        assertThat(history).singleElement().satisfies(decision -> assertThat(decision)
                .containsEntry("kind", "PROMOTED")
                .containsEntry("fromTier", "MEMBER")
                .containsEntry("toTier", "SILVER")
                .containsEntry("policyVersion", "ladder-v1")
                .containsEntry("causationIds", List.of(eventId))
                .containsEntry("window", Map.of(
                        "kind", "ROLLING",
                        "from", paidAt.atZone(ZoneOffset.UTC).minusMonths(12).toInstant().toString(),
                        "to", paidAt.toString())));
    }

    @Test
    void skippingTiersIsOneTierChangedStraightToDiamond() {
        String member = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        String first = orders.orderPaid(member, "O-1-" + member, "300.00", paidAt);
        String second = orders.orderPaid(member, "O-2-" + member, "5700.00", paidAt.plus(Duration.ofHours(2)));

        Map<String, Object> tier = awaitTier(member, "DIAMOND");
        assertThat(tier)
                .containsEntry("tierName", "钻石")
                .containsEntry("nextTier", "ACADEMICIAN")
                .containsEntry("neededForNextTier", Map.of("value", "4000.00", "unit", "CNY"));

        TierChanged changed = only(member, TierChanged.class);
        assertThat(changed.fromTier()).isEqualTo("MEMBER");
        assertThat(changed.toTier()).isEqualTo("DIAMOND");
        assertThat(changed.qualifyingValue().value()).isEqualByComparingTo("6000.00");
        assertThat(changed.effectiveAt()).isEqualTo(paidAt.plus(Duration.ofHours(2)));
        assertThat(changed.causationIds()).containsExactly(first, second);
    }

    @Test
    void theSameEventTwiceAndTheSameOrderReSentCountOnce() {
        String member = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        String eventId = UUID.randomUUID().toString();
        orders.orderPaid(eventId, member, "O-1-" + member, "400.00", paidAt);
        orders.orderPaid(eventId, member, "O-1-" + member, "400.00", paidAt); // redelivered
        orders.orderPaid(member, "O-1-" + member, "400.00", paidAt); // re-sent with a new id
        String marker = orders.orderPaid(member, "O-2-" + member, "50.00", paidAt); // behind them

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tierOf(member))
                .containsEntry("qualifyingValue", Map.of("value", "450.00", "unit", "CNY")));
        assertThat(tierOf(member))
                .containsEntry("tier", "MEMBER")
                .containsEntry("tierName", "普通")
                .containsEntry("validUntil", null)
                .containsEntry("neededToKeep", null)
                .containsEntry("projectedTier", "MEMBER")
                .containsEntry("neededForNextTier", Map.of("value", "50.00", "unit", "CNY"));

        String last = orders.orderPaid(member, "O-3-" + member, "60.00", paidAt.plusSeconds(60));

        awaitTier(member, "SILVER");
        TierChanged changed = only(member, TierChanged.class);
        assertThat(changed.qualifyingValue().value()).isEqualByComparingTo("510.00");
        assertThat(changed.causationIds()).containsExactly(eventId, marker, last);
    }

    @Test
    void aRefundLowersTheQualifyingValueButNeverDemotesAtOnce() {
        String member = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        String orderId = "O-" + member;
        orders.orderPaid(member, orderId, "600.00", paidAt);
        awaitTier(member, "SILVER");

        orders.orderRefunded(member, orderId, "R-1-" + member, "200.00", paidAt.plusSeconds(3600));
        orders.orderRefunded(member, orderId, "R-1-" + member, "200.00", paidAt.plusSeconds(3600)); // same refund again

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tierOf(member))
                .containsEntry("qualifyingValue", Map.of("value", "400.00", "unit", "CNY")));
        assertThat(tierOf(member))
                .containsEntry("tier", "SILVER")
                .containsEntry("validUntil", yearAfter(paidAt).toString())
                .containsEntry("neededToKeep", Map.of("value", "500.00", "unit", "CNY"));
        assertThat(only(member, TierChanged.class).toTier()).isEqualTo("SILVER");
    }

    @Test
    void aRefundThatOvertakesItsOrderIsAppliedWhenTheOrderArrivesAndNeverDeadLettered() {
        String member = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        String orderId = "O-" + member;
        String refundId = "R-1-" + member;

        // The refund first: tier-service has never heard of this member or this order.
        String refundEvent = orders.orderRefunded(member, orderId, refundId, "200.00", paidAt.plusSeconds(3600));
        await().atMost(Duration.ofSeconds(60)).until(() -> eventStore.readEvents(member).asStream()
                .anyMatch(event -> event.getPayload() instanceof RefundAwaitingOrderRecorded));
        String orderEvent = orders.orderPaid(member, orderId, "800.00", paidAt);

        Map<String, Object> tier = awaitTier(member, "SILVER");
        assertThat(tier)
                .containsEntry("qualifyingValue", Map.of("value", "600.00", "unit", "CNY"))
                .containsEntry("since", paidAt.toString())
                .containsEntry("refundsAwaitingOrder", List.of());
        TierChanged changed = only(member, TierChanged.class);
        assertThat(changed.qualifyingValue().value()).isEqualByComparingTo("600.00");
        assertThat(changed.causationIds()).containsExactly(orderEvent, refundEvent);

        // The same refund again, now after its order, then a second refund behind it on the same partition.
        orders.orderRefunded(member, orderId, refundId, "200.00", paidAt.plusSeconds(3600));
        orders.orderRefunded(member, orderId, "R-2-" + member, "100.00", paidAt.plusSeconds(7200));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tierOf(member))
                .containsEntry("qualifyingValue", Map.of("value", "500.00", "unit", "CNY")));
        assertThat(tierOf(member)).containsEntry("tier", "SILVER");
        assertThat(only(member, TierChanged.class).toTier()).isEqualTo("SILVER");
        assertThat(recordsOf(member, Topics.deadLetterOf(Topics.ORDER_REFUNDED))).isEmpty();
    }

    @Test
    void refundsAwaitingTheirOrderAreShownAndCountedUntilTheOrderArrives() {
        String member = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        orders.orderPaid(member, "O-1-" + member, "100.00", paidAt);
        awaitTier(member, "MEMBER");
        String late = "O-2-" + member;

        orders.orderRefunded(member, late, "R-a-" + member, "50.00", paidAt.plusSeconds(60));
        orders.orderRefunded(member, late, "R-b-" + member, "30.00", paidAt.plusSeconds(120));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        (List<Map<String, Object>>) tierOf(member).get("refundsAwaitingOrder"))
                .extracting(refund -> refund.get("refundId"))
                .containsExactly("R-a-" + member, "R-b-" + member));
        assertThat(((List<Map<String, Object>>) tierOf(member).get("refundsAwaitingOrder")).get(0))
                .containsEntry("orderId", late)
                .containsEntry("amount", Map.of("value", "50.00", "unit", "CNY"))
                .containsEntry("refundedAt", paidAt.plusSeconds(60).toString());
        assertThat(tierOf(member)).containsEntry("qualifyingValue", Map.of("value", "100.00", "unit", "CNY"));
        assertThat(awaitingRefundsGauge()).isGreaterThanOrEqualTo(2.0);

        orders.orderPaid(member, late, "600.00", paidAt.plusSeconds(30));

        Map<String, Object> tier = awaitTier(member, "SILVER");
        assertThat(tier)
                .containsEntry("qualifyingValue", Map.of("value", "620.00", "unit", "CNY"))
                .containsEntry("refundsAwaitingOrder", List.of());
        assertThat(only(member, TierChanged.class).qualifyingValue().value()).isEqualByComparingTo("620.00");
        assertThat(recordsOf(member, Topics.deadLetterOf(Topics.ORDER_REFUNDED))).isEmpty();
    }

    @Test
    void meetingRetentionAtTheEndOfValidityKeepsTheTierForAnotherYear() {
        String member = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        orders.orderPaid(member, "O-1-" + member, "600.00", paidAt);
        // Paid half a year on: it still counts when validity ends (the window is the year before).
        orders.orderPaid(member, "O-2-" + member, "520.00", paidAt.plus(Duration.ofDays(180)));
        awaitTier(member, "SILVER");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(tierOf(member)).containsEntry("projectedTier", "SILVER"));

        clock.set(yearAfter(paidAt).plusSeconds(1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tierOf(member))
                .containsEntry("tier", "SILVER")
                .containsEntry("validUntil", yearAfter(yearAfter(paidAt)).toString()));
        // The history is a projection of its own: it may follow the tier view a moment later.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(member))
                .extracting(d -> d.get("kind"))
                .containsExactly("PROMOTED", "RETAINED"));
        assertThat(history(member).get(1)).containsEntry("qualifyingValue", Map.of("value", "520.00", "unit", "CNY"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        currentTiersOf(member).get(currentTiersOf(member).size() - 1).validUntil())
                .isEqualTo(yearAfter(yearAfter(paidAt))));
        assertThat(only(member, TierChanged.class).toTier()).isEqualTo("SILVER");
        assertThat(eventsOf(member, Topics.TIERS, TierAtRisk.class)).isEmpty();
    }

    @Test
    void missingRetentionWarnsBeforeAndDemotesOneTierWhenValidityEnds() {
        String member = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        orders.orderPaid(member, "O-1-" + member, "2500.00", paidAt);
        awaitTier(member, "GOLD");
        Instant validUntil = yearAfter(paidAt);

        clock.set(validUntil.minus(Duration.ofDays(29)));

        TierAtRisk risk = awaitEvent(member, Topics.TIERS, TierAtRisk.class);
        assertThat(risk.tier()).isEqualTo("GOLD");
        assertThat(risk.validUntil()).isEqualTo(validUntil);
        assertThat(risk.gap().value()).isEqualByComparingTo("2000.00");
        assertThat(risk.assessedAt()).isEqualTo(validUntil.minus(Duration.ofDays(30)));

        clock.set(validUntil.plusSeconds(1));

        Map<String, Object> demoted = awaitTier(member, "SILVER");
        assertThat(demoted).containsEntry("since", validUntil.toString())
                .containsEntry("validUntil", yearAfter(validUntil).toString());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> eventsOf(member, Topics.TIERS, TierChanged.class).size() == 2);
        TierChanged demotion = eventsOf(member, Topics.TIERS, TierChanged.class).get(1);
        assertThat(demotion.fromTier()).isEqualTo("GOLD");
        assertThat(demotion.toTier()).isEqualTo("SILVER");
        assertThat(demotion.reason()).isEqualTo(TierChangeReason.RETENTION_FAILED);
        assertThat(demotion.effectiveAt()).isEqualTo(validUntil);
        assertThat(eventsOf(member, Topics.TIERS, TierAtRisk.class)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(member))
                .extracting(d -> d.get("kind"))
                .containsExactly("PROMOTED", "AT_RISK", "DEMOTED"));
    }

    @Test
    void aManualTierStartsAuditedAndEndsAtItsEndDateThenNormalRulesResume() {
        String member = newMember();
        orders.orderPaid(member, "O-1-" + member, "600.00", TierTestClock.recentPast(clock));
        awaitTier(member, "SILVER");
        Instant until = clock.instant().plus(Duration.ofDays(30));

        var assigned = http.exchange("/members/{id}/tier/manual", HttpMethod.PUT, new HttpEntity<>(Map.of(
                        "tier", "DIAMOND", "mode", "PIN", "reason", "strategic account",
                        "until", until.toString()), TestTokens.staffHeaders("support-7")), Map.class, member);

        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> pinned = awaitTier(member, "DIAMOND");
        assertThat(pinned).containsEntry("validUntil", until.toString()).containsEntry("earnedTier", "SILVER");
        assertThat((Map<String, Object>) pinned.get("manual"))
                .containsEntry("mode", "PIN")
                .containsEntry("operatorId", "support-7")
                .containsEntry("reason", "strategic account");

        clock.set(until.plusSeconds(1));

        awaitTier(member, "SILVER");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> eventsOf(member, Topics.TIERS, TierChanged.class).size() == 3);
        List<TierChanged> changes = eventsOf(member, Topics.TIERS, TierChanged.class);
        assertThat(changes).extracting(TierChanged::reason).containsExactly(
                TierChangeReason.QUALIFIED, TierChangeReason.MANUAL, TierChangeReason.MANUAL_ENDED);
        assertThat(changes.get(2).fromTier()).isEqualTo("DIAMOND");
        assertThat(changes.get(2).toTier()).isEqualTo("SILVER");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(member))
                .extracting(d -> d.get("kind"))
                .containsExactly("PROMOTED", "MANUAL_ASSIGNED", "MANUAL_ENDED"));
        assertThat(history(member).get(1)).containsEntry("operatorId", "support-7").containsEntry("manualMode", "PIN");
    }

    @Test
    void supportCanEndAManualFloorEarly() {
        String member = newMember();
        Instant until = clock.instant().plus(Duration.ofDays(300));
        assertThat(putManual(member, Map.of(
                        "tier", "GOLD", "mode", "FLOOR", "reason", "partner staff",
                        "until", until.toString()))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitTier(member, "GOLD");

        var ended = http.exchange("/members/{id}/tier/manual", HttpMethod.DELETE,
                new HttpEntity<>(TestTokens.staffHeaders("support-2")), Void.class, member);

        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> after = awaitTier(member, "MEMBER");
        assertThat(after).containsEntry("manual", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(member))
                .hasSizeGreaterThan(1)
                .element(1)
                .satisfies(entry -> assertThat(entry)
                        .containsEntry("kind", "MANUAL_ENDED")
                        .containsEntry("operatorId", "support-2")));
        var again = http.exchange("/members/{id}/tier/manual", HttpMethod.DELETE, null, Map.class, member);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("code", "no-manual-tier");
    }

    @Test
    void manualTierRequestsAreValidated() {
        String member = newMember();
        var invalid = putManual(member, Map.of("tier", "PLATINUM", "mode", "PIN", "until", "2030-01-01T00:00:00Z"));

        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(invalid.getBody()).containsEntry("code", "validation-failed");
        assertThat((List<Map<String, Object>>) invalid.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("reason", "tier");

        var passed = putManual(member, Map.of(
                "tier", "GOLD", "mode", "PIN", "reason", "r", "until", "2020-01-01T00:00:00Z"));
        assertThat(passed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(passed.getBody()).containsEntry("code", "manual-tier-end-passed");

        var unknown = http.exchange(
                "/members/{id}/tier/manual", HttpMethod.DELETE, null, Map.class, newMember());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theCompactedTopicCarriesEachMembersCurrentTier() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MEMBER_TIERS);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
        String member = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        orders.orderPaid(member, "O-1-" + member, "100.00", paidAt);
        orders.orderPaid(member, "O-2-" + member, "2000.00", paidAt.plusSeconds(60));
        awaitTier(member, "GOLD");

        await().atMost(Duration.ofSeconds(60)).until(() -> currentTiersOf(member).size() == 2);
        List<CurrentTier> states = currentTiersOf(member);
        assertThat(states.get(0).tier()).isEqualTo("MEMBER");
        CurrentTier latest = states.get(1);
        assertThat(latest.tier()).isEqualTo("GOLD");
        assertThat(latest.since()).isEqualTo(paidAt.plusSeconds(60));
        assertThat(latest.validUntil()).isEqualTo(yearAfter(paidAt.plusSeconds(60)));
        assertThat(latest.qualifyingValue().value()).isEqualByComparingTo("2100.00");
        assertThat(latest.manual()).isFalse();
        assertThat(latest.policyVersion()).isEqualTo("ladder-v1");
    }

    @Test
    void aRebuildFromTheEventStoreReproducesEveryTierAndValidityExactly() {
        String promoted = newMember();
        String demoted = newMember();
        String pinned = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        orders.orderPaid(promoted, "O-1-" + promoted, "1500.00", paidAt);
        orders.orderPaid(promoted, "O-2-" + promoted, "700.00", paidAt.plus(Duration.ofHours(3)));
        orders.orderRefunded(promoted, "O-2-" + promoted, "R-1", "100.00", paidAt.plus(Duration.ofHours(4)));
        orders.orderPaid(demoted, "O-1-" + demoted, "6000.00", paidAt);
        awaitTier(demoted, "DIAMOND");
        awaitTier(promoted, "GOLD");
        clock.set(yearAfter(paidAt).plusSeconds(1));
        awaitTier(demoted, "GOLD");
        putManual(pinned, Map.of("tier", "SILVER", "mode", "PIN", "reason", "vip",
                "until", clock.instant().plus(Duration.ofDays(10)).toString()));
        awaitTier(pinned, "SILVER");
        List<String> members = List.of(promoted, demoted, pinned);
        Map<String, Object> before = snapshot(members);

        for (String group : List.of("member-tier", "tier-history")) {
            StreamingEventProcessor processor = processing
                    .eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(snapshot(members)).isEqualTo(before));
        assertThat(((Map<String, Object>) before.get(promoted + "/tier")).get("since"))
                .isEqualTo(paidAt.plus(Duration.ofHours(3)).toString());
        assertThat(((Map<String, Object>) before.get(demoted + "/tier")).get("validUntil"))
                .isEqualTo(yearAfter(yearAfter(paidAt)).toString());
    }

    @Test
    void aSimulationReplaysTheRecordedHistoryUnderAProposedLadderWithoutChangingAnything() {
        String silver = newMember();
        String gold = newMember();
        Instant paidAt = TierTestClock.recentPast(clock);
        orders.orderPaid(silver, "O-1-" + silver, "800.00", paidAt);
        orders.orderPaid(gold, "O-1-" + gold, "2500.00", paidAt);
        awaitTier(silver, "SILVER");
        awaitTier(gold, "GOLD");

        var report = http.postForEntity("/tiers/simulations", Map.of(
                        "policyVersion", "ladder-v2-draft",
                        "tiers", List.of(
                                Map.of("code", "MEMBER", "threshold", "0"),
                                Map.of("code", "SILVER", "threshold", "1000"),
                                Map.of("code", "GOLD", "threshold", "2500")),
                        "memberIds", List.of(silver, gold)),
                Map.class);

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody())
                .containsEntry("policyVersion", "ladder-v2-draft")
                .containsEntry("currentPolicyVersion", "ladder-v1")
                .containsEntry("members", 2)
                .containsEntry("movedUp", 0)
                .containsEntry("movedDown", 1)
                .containsEntry("unchanged", 1)
                .containsEntry("tiers", List.of(
                        Map.of("code", "MEMBER", "members", 1, "today", 0),
                        Map.of("code", "SILVER", "members", 0, "today", 1),
                        Map.of("code", "GOLD", "members", 1, "today", 1)));
        assertThat(tierOf(silver)).containsEntry("tier", "SILVER");

        var broken = http.postForEntity("/tiers/simulations", Map.of("tiers", List.of(
                Map.of("code", "SILVER", "threshold", "1000"))), Map.class);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) broken.getBody().get("errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "tiers"));
    }

    @Test
    void anOrderInAnotherCurrencyIsDeadLetteredWithItsReason() {
        String member = newMember();
        String json = "{\"orderId\":\"O-usd\",\"memberId\":\"" + member
                + "\",\"amount\":{\"value\":\"900.00\",\"currency\":\"USD\"},\"paidAt\":\"2026-11-23T10:00:00Z\"}";
        orders.send(Topics.ORDER_PAID, UUID.randomUUID().toString(), "OrderPaid", member, clock.instant(), json);

        try (TopicReader dlt = new TopicReader(SharedKafka.bootstrapServers(), Topics.deadLetterOf(Topics.ORDER_PAID))) {
            assertThat(reason(dlt.awaitRecords(TopicReader.keyed(member)).get(0)))
                    .contains("Orders in USD do not count towards tiers");
        }
        assertThat(http.getForEntity("/members/{id}/tier", String.class, member).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnknownMemberIsA404ProblemBody() {
        for (String path : List.of("/members/{id}/tier", "/members/{id}/tier/history")) {
            var response = http.getForEntity(path, Map.class, newMember());

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(response.getBody()).containsEntry("code", "member-tier-not-found").containsKey("traceId");
        }
    }

    @Test
    void showsTheLadderAndRules() {
        Map<String, Object> ladder = http.getForObject("/tiers", Map.class);

        assertThat(ladder)
                .containsEntry("policyVersion", "ladder-v1")
                .containsEntry("basis", "SPEND")
                .containsEntry("unit", "CNY")
                .containsEntry("validity", "P12M")
                .containsEntry("window", Map.of("kind", "ROLLING", "length", "P12M"))
                .containsEntry("demotion", Map.of("policy", "SOFT_LANDING", "gracePeriod", "P0D"))
                .containsEntry("atRiskNotice", "PT720H");
        List<Map<String, Object>> tiers = (List<Map<String, Object>>) ladder.get("tiers");
        assertThat(tiers).extracting(t -> t.get("code"))
                .containsExactly("MEMBER", "SILVER", "GOLD", "DIAMOND", "ACADEMICIAN");
        assertThat(tiers.get(1))
                .containsEntry("names", Map.of("zh-CN", "银牌", "en", "Silver"))
                .containsEntry("threshold", Map.of("value", "500.00", "unit", "CNY"))
                .containsEntry("retentionThreshold", Map.of("value", "500.00", "unit", "CNY"));
    }

    @Test
    void exposesHealthAndPrometheusMetricsIncludingTimerLag() {
        String member = newMember();
        orders.orderPaid(member, "O-" + member, "10.00", TierTestClock.recentPast(clock));
        awaitTier(member, "MEMBER");

        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics)
                .contains("application=\"tier-service\"")
                .contains("loyalty_events_consumed_total")
                .contains("loyalty_timers_overdue")
                .contains("loyalty_tier_refunds_awaiting_order")
                .contains("loyalty_tier_members{application=\"tier-service\",tier=\"MEMBER\"}");
    }

    private double awaitingRefundsGauge() {
        return http.getForObject("/actuator/prometheus", String.class)
                .lines()
                .filter(line -> line.startsWith("loyalty_tier_refunds_awaiting_order{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, Object> snapshot(List<String> members) {
        Map<String, Object> snapshot = new TreeMap<>();
        for (String member : members) {
            snapshot.put(member + "/tier", tierOf(member));
            snapshot.put(member + "/history", history(member));
        }
        return snapshot;
    }

    private ResponseEntity<Map> putManual(String member, Map<String, Object> body) {
        return http.exchange("/members/{id}/tier/manual", HttpMethod.PUT, new HttpEntity<>(body), Map.class, member);
    }

    private Map<String, Object> tierOf(String member) {
        var response = http.getForEntity("/members/{id}/tier", Map.class, member);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Map<String, Object>> history(String member) {
        var response = http.getForEntity("/members/{id}/tier/history", Map.class, member);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) response.getBody().get("decisions");
    }

    private Map<String, Object> awaitTier(String member, String tier) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tierOf(member)).containsEntry("tier", tier));
        return tierOf(member);
    }

    private static Instant yearAfter(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
    }

    /** The member's one event of {@code type} on loyalty.tiers.v1 so far, decoded and validated. */
    private static <T extends IntegrationEvent> T only(String member, Class<T> type) {
        T event = awaitEvent(member, Topics.TIERS, type);
        assertThat(eventsOf(member, Topics.TIERS, type)).hasSize(1);
        return event;
    }

    private static <T extends IntegrationEvent> T awaitEvent(String member, String topic, Class<T> type) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !eventsOf(member, topic, type).isEmpty());
        return eventsOf(member, topic, type).get(0);
    }

    private static List<CurrentTier> currentTiersOf(String member) {
        return eventsOf(member, Topics.MEMBER_TIERS, CurrentTier.class);
    }

    /** Every event of {@code type} about the member on {@code topic} so far, in order, each decoded and validated. */
    private static <T extends IntegrationEvent> List<T> eventsOf(String member, String topic, Class<T> type) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : recordsOf(member, topic)) {
            EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(record);
            assertThat(envelope.source().toString()).isEqualTo("/loyalty/tier-service");
            assertThat(envelope.subject()).isEqualTo(member);
            if (type.isInstance(envelope.data())) {
                events.add(type.cast(envelope.data()));
            }
        }
        return events;
    }

    /** Every record keyed by the member on {@code topic} so far, in order, as received. */
    private static List<ConsumerRecord<String, byte[]>> recordsOf(String member, String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (member.equals(record.key())) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private static String newMember() {
        return "M-" + UUID.randomUUID();
    }
}

package com.loyaltysuite.tier.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.tier.TierTestClock;
import com.loyaltysuite.tier.membertier.ManualMode;
import com.loyaltysuite.tier.membertier.ManualTier;
import com.loyaltysuite.tier.membertier.ManualTierAssigned;
import com.loyaltysuite.tier.membertier.ManualTierEnded;
import com.loyaltysuite.tier.membertier.MemberTierUpdated;
import com.loyaltysuite.tier.membertier.QualifyingOrderRecorded;
import com.loyaltysuite.tier.membertier.QualifyingOrderReduced;
import com.loyaltysuite.tier.membertier.RefundAwaitingOrderRecorded;
import com.loyaltysuite.tier.membertier.TierAtRiskAssessed;
import com.loyaltysuite.tier.membertier.TierDecided;
import com.loyaltysuite.tier.policy.DecisionKind;
import com.loyaltysuite.tier.policy.Window;
import com.loyaltysuite.tier.policy.WindowKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The member-tier and tier-history projections fed member-tier events directly, in batches as their
 * processors hand them over (one unit of work and transaction each), with repeated and replayed
 * older events among them. These events are not in the store, so their rows go afterwards: a rebuild
 * test compares the views.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(TierTestClock.class)
class TierProjectionsIT {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    QueryGateway queries;

    final List<String> members = new ArrayList<>();

    @AfterEach
    void removeRowsNoStoredEventExplains() {
        for (String member : members) {
            for (String table : List.of("member_tier", "member_tier_order", "refund_awaiting_order", "tier_decision")) {
                jdbc.update("delete from " + table + " where member_id = ?", member);
            }
        }
    }

    @Test
    void aBatchWritesEachMembersLatestStandingAndEveryOrderRefundAndDecisionOnce() {
        String member = newMember();
        var decided = decided(member, 2, "MEMBER", "GOLD");
        var reduced = reduced(member, 5, "O-2", "R-9", "100.00");

        feedBoth(
                recorded(member, 0, "O-1", "1500.00"),
                updated(member, 1, "GOLD", null),
                decided,
                awaiting(member, 3, "O-2", "R-9", "100.00"),
                recorded(member, 4, "O-2", "700.00"),
                reduced,
                updated(member, 6, "GOLD", new ManualTier("DIAMOND", ManualMode.PIN, "vip", "agent-1", null, AT)),
                decided,
                reduced);

        assertThat(standing(member)).isEqualTo("DIAMOND earned GOLD manual PIN sequence 6");
        assertThat(orders(member)).containsExactly("O-1 1500.00 0", "O-2 600.00 5");
        assertThat(awaitingRefunds(member)).isEmpty();
        assertThat(decisions(member)).containsExactly("2 PROMOTED MEMBER->GOLD");

        assertThat(view(member).tier()).isEqualTo("DIAMOND");
        assertThat(view(member).manual().operatorId()).isEqualTo("agent-1");
        assertThat(history(member).decisions()).extracting(TierHistoryEntry::kind).containsExactly("PROMOTED");
    }

    @Test
    void replayedOlderEventsChangeNothingAndARefundWaitsUntilItsOrderCounts() {
        String member = newMember();
        var recorded = recorded(member, 0, "O-1", "900.00");
        var silver = updated(member, 1, "SILVER", null);
        var reduced = reduced(member, 2, "O-1", "R-1", "50.00");
        var waiting = awaiting(member, 4, "O-7", "R-7", "20.00");
        feedBoth(recorded, silver, reduced, updated(member, 3, "SILVER", null));

        feedBoth(reduced, silver, recorded, waiting); // replayed, newest first, and a refund before its order
        assertThat(standing(member)).isEqualTo("SILVER earned SILVER manual null sequence 3");
        assertThat(orders(member)).containsExactly("O-1 850.00 2");
        assertThat(awaitingRefunds(member)).containsExactly("R-7 O-7 20.00");

        var refundApplied = reduced(member, 6, "O-7", "R-7", "20.00");
        feedBoth(waiting, recorded(member, 5, "O-7", "300.00"), refundApplied);
        assertThat(orders(member)).containsExactly("O-1 850.00 2", "O-7 280.00 6");
        assertThat(awaitingRefunds(member)).isEmpty();

        feedBoth(refundApplied);
        assertThat(orders(member)).containsExactly("O-1 850.00 2", "O-7 280.00 6");
        assertThat(awaitingRefunds(member)).isEmpty();
    }

    @Test
    void theViewCountsWhatChangesWithTimeWhenAskedAndFollowsTheEarnedTierUnderAManualOne() {
        String member = newMember();
        // O-1 was paid at the instant GOLD was reached: the rolling window ending at validity excludes it.
        feedBoth(
                recorded(member, 0, "O-1", "1500.00"),
                updated(member, 1, "GOLD", null),
                recorded(member, 2, "O-2", "300.00"),
                awaiting(member, 3, "O-9", "R-9", "40.00"));

        MemberTierView gold = view(member);
        assertThat(gold.tier()).isEqualTo("GOLD");
        assertThat(gold.tierName()).isEqualTo("金牌");
        assertThat(gold.qualifyingValue()).isEqualTo(cny("1800.00"));
        assertThat(gold.nextTier()).isEqualTo("DIAMOND");
        assertThat(gold.neededForNextTier()).isEqualTo(cny("3200.00"));
        assertThat(gold.retentionThreshold()).isEqualTo(cny("2000.00"));
        assertThat(gold.neededToKeep()).isEqualTo(cny("1700.00"));
        assertThat(gold.projectedTier()).isEqualTo("SILVER");
        assertThat(gold.refundsAwaitingOrder())
                .extracting(RefundAwaitingOrderView::refundId, RefundAwaitingOrderView::orderId, RefundAwaitingOrderView::amount)
                .containsExactly(tuple("R-9", "O-9", cny("40.00")));

        feedBoth(updated(member, 4, "GOLD", new ManualTier("DIAMOND", ManualMode.PIN, "vip", "support-7", null, AT)));

        MemberTierView pinned = view(member);
        assertThat(pinned.tier()).isEqualTo("DIAMOND");
        assertThat(pinned.earnedTier()).isEqualTo("GOLD");
        assertThat(pinned.nextTier()).isEqualTo("ACADEMICIAN");
        assertThat(pinned.retentionThreshold()).as("of the earned tier").isEqualTo(cny("2000.00"));
        assertThat(pinned.projectedTier()).as("of the earned tier").isEqualTo("SILVER");
    }

    @Test
    void theHistoryNamesTheOperatorAndReasonOfManualTiersAndTheGapOfAWarning() {
        String member = newMember();
        Instant until = AT.plus(Duration.ofDays(90));
        Instant validUntil = AT.plus(Duration.ofDays(365));
        var manual = new ManualTier("DIAMOND", ManualMode.PIN, "strategic account", "support-7", until, AT);
        feedBoth(
                event(member, 0, new ManualTierAssigned(MemberId.of(member), "default", manual)),
                updated(member, 1, "GOLD", manual),
                event(member, 2, new TierAtRiskAssessed(MemberId.of(member), "default", "GOLD", validUntil,
                        cny("1200.00"), cny("2000.00"), cny("800.00"), "ladder-v1", AT.plusSeconds(2))),
                event(member, 3, new ManualTierEnded(
                        MemberId.of(member), "default", manual, "support-9", AT.plusSeconds(3))),
                updated(member, 4, "GOLD", null));

        List<TierHistoryEntry> entries = history(member).decisions();

        assertThat(entries).extracting(TierHistoryEntry::kind)
                .containsExactly("MANUAL_ASSIGNED", "AT_RISK", "MANUAL_ENDED");
        assertThat(entries.get(0)).satisfies(assigned -> {
            assertThat(assigned.toTier()).isEqualTo("DIAMOND");
            assertThat(assigned.operatorId()).isEqualTo("support-7");
            assertThat(assigned.manualMode()).isEqualTo("PIN");
            assertThat(assigned.note()).isEqualTo("strategic account");
            assertThat(assigned.validUntil()).isEqualTo(until);
        });
        assertThat(entries.get(1)).satisfies(risk -> {
            assertThat(risk.fromTier()).isEqualTo("GOLD");
            assertThat(risk.qualifyingValue()).isEqualTo(cny("1200.00"));
            assertThat(risk.validUntil()).isEqualTo(validUntil);
            assertThat(risk.note()).isEqualTo("short of retention by 800.00 CNY");
        });
        assertThat(entries.get(2)).satisfies(ended -> {
            assertThat(ended.fromTier()).isEqualTo("DIAMOND");
            assertThat(ended.toTier()).isNull();
            assertThat(ended.operatorId()).isEqualTo("support-9");
            assertThat(ended.note()).isEqualTo("ended early by support");
        });
    }

    private MemberTierView view(String member) {
        return queries.query(
                        new FindMemberTier(MemberId.of(member)), ResponseTypes.optionalInstanceOf(MemberTierView.class))
                .join()
                .orElseThrow();
    }

    private TierHistoryView history(String member) {
        return queries.query(
                        new FindTierHistory(MemberId.of(member)), ResponseTypes.optionalInstanceOf(TierHistoryView.class))
                .join()
                .orElseThrow();
    }

    private String newMember() {
        String member = "M-" + UUID.randomUUID();
        members.add(member);
        return member;
    }

    /** Hands the events to both processors' handlers, each as one batch: one unit of work, one transaction. */
    private void feedBoth(EventMessage<?>... events) {
        for (String group : List.of(MemberTierProjection.PROCESSING_GROUP, TierHistoryProjection.PROCESSING_GROUP)) {
            var invoker = processing
                    .eventProcessorByProcessingGroup(group, AbstractEventProcessor.class)
                    .orElseThrow()
                    .eventHandlerInvoker();
            var unitOfWork = new BatchingUnitOfWork<EventMessage<?>>(List.of(events));
            unitOfWork.attachTransaction(transactions);
            var result = unitOfWork.executeWithResult(() -> {
                if (invoker.canHandle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT)) {
                    invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
                }
                return null;
            });
            assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        }
    }

    private String standing(String member) {
        return jdbc.queryForObject(
                "select * from member_tier where member_id = ?",
                (row, i) -> row.getString("tier") + " earned " + row.getString("earned_tier") + " manual "
                        + row.getString("manual_mode") + " sequence " + row.getLong("last_sequence"),
                member);
    }

    private List<String> orders(String member) {
        return jdbc.query(
                "select * from member_tier_order where member_id = ? order by order_id",
                (row, i) -> row.getString("order_id") + " " + row.getBigDecimal("value").toPlainString() + " "
                        + row.getLong("last_sequence"),
                member);
    }

    private List<String> awaitingRefunds(String member) {
        return jdbc.query(
                "select * from refund_awaiting_order where member_id = ? order by refund_id",
                (row, i) -> row.getString("refund_id") + " " + row.getString("order_id") + " "
                        + row.getBigDecimal("amount").toPlainString(),
                member);
    }

    private List<String> decisions(String member) {
        return jdbc.query(
                "select * from tier_decision where member_id = ? order by sequence_number",
                (row, i) -> row.getLong("sequence_number") + " " + row.getString("kind") + " "
                        + row.getString("from_tier") + "->" + row.getString("to_tier"),
                member);
    }

    private static QualifyingValue cny(String value) {
        return new QualifyingValue(new BigDecimal(value), "CNY");
    }

    private static DomainEventMessage<QualifyingOrderRecorded> recorded(
            String member, long sequence, String order, String value) {
        return event(member, sequence, new QualifyingOrderRecorded(
                MemberId.of(member), "default", OrderId.of(order), cny(value), AT.plusSeconds(sequence), "c-" + order));
    }

    private static DomainEventMessage<QualifyingOrderReduced> reduced(
            String member, long sequence, String order, String refund, String value) {
        return event(member, sequence, new QualifyingOrderReduced(MemberId.of(member), "default", OrderId.of(order),
                refund, cny(value), cny(value), AT.plusSeconds(sequence), "c-" + refund));
    }

    private static DomainEventMessage<RefundAwaitingOrderRecorded> awaiting(
            String member, long sequence, String order, String refund, String value) {
        return event(member, sequence, new RefundAwaitingOrderRecorded(MemberId.of(member), "default",
                OrderId.of(order), refund, cny(value), AT.plusSeconds(sequence), "c-" + refund));
    }

    private static DomainEventMessage<MemberTierUpdated> updated(
            String member, long sequence, String earned, ManualTier manual) {
        Instant at = AT.plusSeconds(sequence);
        return event(member, sequence, new MemberTierUpdated(MemberId.of(member), "default",
                manual == null ? earned : manual.tier(), at, at.plus(Duration.ofDays(365)), cny("1500.00"), manual,
                earned, at.plus(Duration.ofDays(365)), "ladder-v1", at));
    }

    private static DomainEventMessage<TierDecided> decided(String member, long sequence, String from, String to) {
        Instant at = AT.plusSeconds(sequence);
        return event(member, sequence, new TierDecided(MemberId.of(member), "default", DecisionKind.PROMOTED, from,
                to, cny("1500.00"), new Window(WindowKind.ROLLING, at.minus(Duration.ofDays(365)), at), "ladder-v1",
                at, at.plus(Duration.ofDays(365)), null, List.of("c-O-1")));
    }

    private static <T> DomainEventMessage<T> event(String member, long sequence, T payload) {
        return new GenericDomainEventMessage<>("MemberTier", member, sequence, payload);
    }
}

package com.loyaltysuite.member.segments;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmSegment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's RFM segment (会员 RFM 分群) and lifecycle stage, from their paid and refunded orders. Keeps
 * the orders still in the window, decides with the {@link RfmPolicy} at each order, refund and
 * threshold crossing, and records every assessment; a move to another group or stage is a {@link
 * SegmentMoved}. Its own stream beside the member's profile: its id is {@link #idOf(MemberId)}.
 */
@Aggregate(cache = "memberSegmentCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1") // a snapshot is its fields: bump when they change
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class MemberSegment {

    private static final String ID_PREFIX = "segment:";

    @AggregateIdentifier
    private String segmentId;

    private MemberId memberId;
    private String programId;
    private Instant firstPaidAt;
    private Instant lastPaidAt;
    /** The orders still in the window (or just recorded), by order id. */
    private Map<String, CountedOrder> orders = new LinkedHashMap<>();
    /** Refunds whose order has not come yet, by refund id. */
    private Map<String, AwaitingRefund> awaitingRefunds = new LinkedHashMap<>();
    private RfmSegment segment;
    private LifecycleStage stage;
    private Instant assessedAt;
    private Instant nextAssessmentAt;

    protected MemberSegment() {
        // for Axon
    }

    /** The aggregate id of a member's segment: a stream of its own, apart from the member's profile. */
    public static String idOf(MemberId memberId) {
        return ID_PREFIX + memberId.value();
    }

    /** An order already counted (the order system re-sent it) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSegmentOrder command, RfmPolicy policy, Clock clock) {
        String orderId = command.orderId().value();
        if (orders.containsKey(orderId) || (lastPaidAt != null && isOlderRepeat(command, policy))) {
            return;
        }
        Instant at = latest(now(clock), command.paidAt(), assessedAt);
        Map<String, CountedOrder> after = new LinkedHashMap<>(orders);
        CountedOrder order = CountedOrder.paid(
                orderId, command.paidAt(), command.amount().value(), command.amount().currency());
        for (AwaitingRefund refund : awaitingRefunds.values()) {
            if (refund.orderId().equals(orderId)) {
                order = order.refund(refund.refundId(), refund.amount());
            }
        }
        after.put(orderId, order);
        Instant first = firstPaidAt == null || command.paidAt().isBefore(firstPaidAt) ? command.paidAt() : firstPaidAt;
        Instant last = lastPaidAt == null || command.paidAt().isAfter(lastPaidAt) ? command.paidAt() : lastPaidAt;
        RfmAssessment assessment = policy.assess(after.values(), first, last, at);
        apply(new SegmentOrderRecorded(
                command.memberId(),
                command.programId(),
                command.orderId(),
                command.amount(),
                command.paidAt(),
                assessment,
                command.causationId()));
        moveIfChanged(assessment, List.of(command.causationId()));
    }

    /** A refund counted before (the order system re-sent it) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSegmentRefund command, RfmPolicy policy, Clock clock) {
        String orderId = command.orderId().value();
        CountedOrder order = orders.get(orderId);
        if (awaitingRefunds.containsKey(command.refundId()) || (order != null && order.hasRefund(command.refundId()))) {
            return;
        }
        RfmAssessment assessment = null;
        if (order != null) {
            Map<String, CountedOrder> after = new LinkedHashMap<>(orders);
            after.put(orderId, order.refund(command.refundId(), command.amount().value()));
            assessment = policy.assess(after.values(), firstPaidAt, lastPaidAt, latest(now(clock), command.refundedAt(), assessedAt));
        }
        apply(new SegmentRefundRecorded(
                command.memberId(),
                command.programId(),
                command.orderId(),
                command.refundId(),
                command.amount(),
                command.refundedAt(),
                order == null,
                assessment,
                command.causationId()));
        if (assessment != null) {
            moveIfChanged(assessment, List.of(command.causationId()));
        }
    }

    /** Only the crossing the segment waits for is assessed; a stale or repeated timer changes nothing. */
    @CommandHandler
    void handle(ReassessSegment command, RfmPolicy policy) {
        if (nextAssessmentAt == null || command.at().isBefore(nextAssessmentAt) || lastPaidAt == null) {
            return;
        }
        Instant at = latest(command.at(), assessedAt, null);
        RfmAssessment assessment = policy.assess(orders.values(), firstPaidAt, lastPaidAt, at);
        apply(new SegmentReassessed(memberId, programId, assessment));
        moveIfChanged(assessment, List.of());
    }

    private void moveIfChanged(RfmAssessment assessment, List<String> causationIds) {
        if (assessment.segment() != segment || assessment.stage() != stage) {
            apply(new SegmentMoved(memberId, programId, segment, stage, assessment, causationIds));
        }
    }

    /** An order paid before the window of the last assessment is no longer kept: it cannot count again. */
    private boolean isOlderRepeat(RecordSegmentOrder command, RfmPolicy policy) {
        return assessedAt != null && !policy.inWindow(command.paidAt(), assessedAt) && !command.paidAt().isAfter(lastPaidAt);
    }

    @EventSourcingHandler
    void on(SegmentOrderRecorded event) {
        identify(event.memberId(), event.programId());
        String orderId = event.orderId().value();
        Money amount = event.amount();
        CountedOrder order = CountedOrder.paid(orderId, event.paidAt(), amount.value(), amount.currency());
        List<String> applied = new ArrayList<>();
        for (AwaitingRefund refund : awaitingRefunds.values()) {
            if (refund.orderId().equals(orderId)) {
                order = order.refund(refund.refundId(), refund.amount());
                applied.add(refund.refundId());
            }
        }
        applied.forEach(awaitingRefunds::remove);
        orders.put(orderId, order);
        if (firstPaidAt == null || event.paidAt().isBefore(firstPaidAt)) {
            firstPaidAt = event.paidAt();
        }
        if (lastPaidAt == null || event.paidAt().isAfter(lastPaidAt)) {
            lastPaidAt = event.paidAt();
        }
        assessed(event.assessment());
    }

    @EventSourcingHandler
    void on(SegmentRefundRecorded event) {
        identify(event.memberId(), event.programId());
        String orderId = event.orderId().value();
        if (event.awaitingOrder()) {
            awaitingRefunds.put(
                    event.refundId(), new AwaitingRefund(event.refundId(), orderId, event.amount().value(), event.refundedAt()));
        } else {
            orders.computeIfPresent(orderId, (id, order) -> order.refund(event.refundId(), event.amount().value()));
        }
        if (event.assessment() != null) {
            assessed(event.assessment());
        }
    }

    @EventSourcingHandler
    void on(SegmentReassessed event) {
        assessed(event.assessment());
    }

    @EventSourcingHandler
    void on(SegmentMoved event) {
        segment = event.assessment().segment();
        stage = event.assessment().stage();
    }

    private void identify(MemberId member, String program) {
        if (segmentId == null) {
            segmentId = idOf(member);
            memberId = member;
            programId = program;
        }
    }

    /** Orders that left the window at this assessment can never count again: they are let go. */
    private void assessed(RfmAssessment assessment) {
        assessedAt = assessment.assessedAt();
        nextAssessmentAt = assessment.nextAssessmentAt();
        // The window start is recorded with the assessment, so replay does not depend on today's configuration.
        Instant windowStart = assessment.windowStart();
        orders.values().removeIf(order -> !order.paidAt().isAfter(windowStart));
        awaitingRefunds.values().removeIf(refund -> !refund.refundedAt().isAfter(windowStart));
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant latest = a;
        if (b != null && b.isAfter(latest)) {
            latest = b;
        }
        if (c != null && c.isAfter(latest)) {
            latest = c;
        }
        return latest;
    }

    /** Milliseconds: the read model and the published events then show the same instant. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A refund that came before its order, kept until the order comes. */
    record AwaitingRefund(String refundId, String orderId, BigDecimal amount, Instant refundedAt) {}
}

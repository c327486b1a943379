package com.loyaltysuite.tier.status;

import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.support.projections.ProjectionBatch;
import com.loyaltysuite.tier.ladder.NextTier;
import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.membertier.MemberTierUpdated;
import com.loyaltysuite.tier.membertier.QualifyingOrderRecorded;
import com.loyaltysuite.tier.membertier.QualifyingOrderReduced;
import com.loyaltysuite.tier.membertier.RefundAwaitingOrderRecorded;
import com.loyaltysuite.tier.policy.QualifyingEntry;
import com.loyaltysuite.tier.policy.QualifyingLedger;
import com.loyaltysuite.tier.policy.TierPolicy;
import com.loyaltysuite.tier.policy.Window;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each member's standing, qualifying orders and refunds still awaiting their order, built from the
 * member-tier events. Idempotent (rows
 * remember the sequence number of the last event applied) and resettable: a reset empties the tables
 * and the processor rebuilds them from the event store. What changes with time alone (the value of
 * the window ending now, what is still needed) is counted when asked, with the rules in force. Writes
 * go through a {@link MemberTierBatch} per processor batch: a few JDBC batches instead of a lookup
 * and a write per event.
 */
@Component
@ProcessingGroup(MemberTierProjection.PROCESSING_GROUP)
class MemberTierProjection {

    static final String PROCESSING_GROUP = "member-tier";

    private final MemberTierStatusRepository statuses;
    private final MemberTierOrderRepository orders;
    private final RefundAwaitingOrderRepository awaiting;
    private final TierPolicy policy;
    private final Clock clock;
    private final ProjectionBatch<MemberTierBatch> batch;

    MemberTierProjection(
            MemberTierStatusRepository statuses,
            MemberTierOrderRepository orders,
            RefundAwaitingOrderRepository awaiting,
            TierPolicy policy,
            Clock clock,
            JdbcTemplate jdbc) {
        this.statuses = statuses;
        this.orders = orders;
        this.awaiting = awaiting;
        this.policy = policy;
        this.clock = clock;
        this.batch = new ProjectionBatch<>(PROCESSING_GROUP, MemberTierBatch::new, rows -> rows.writeTo(jdbc));
    }

    @EventHandler
    void on(MemberTierUpdated event, @SequenceNumber long sequence) {
        batch.add(rows -> {
            MemberTierStatus status = rows.statusOf(event.memberId().value());
            if (status.advanceTo(sequence)) {
                status.update(event);
            }
        });
    }

    @EventHandler
    void on(QualifyingOrderRecorded event, @SequenceNumber long sequence) {
        batch.add(rows -> rows.order(new MemberTierOrder(
                event.memberId().value(), event.orderId().value(), event.value().value(), event.at(), sequence)));
    }

    @EventHandler
    void on(QualifyingOrderReduced event, @SequenceNumber long sequence) {
        batch.add(rows -> {
            rows.reduce(event.memberId().value(), event.orderId().value(), event.reducedBy().value(), sequence);
            rows.applied(event.memberId().value(), event.refundId());
        });
    }

    @EventHandler
    void on(RefundAwaitingOrderRecorded event) {
        batch.add(rows -> rows.awaiting(new RefundAwaitingOrder(
                event.memberId().value(),
                event.refundId(),
                event.orderId().value(),
                event.refunded().value(),
                event.refunded().unit(),
                event.refundedAt())));
    }

    @QueryHandler
    Optional<MemberTierView> handle(FindMemberTier query) {
        return statuses.findById(query.memberId().value()).map(this::view);
    }

    @ResetHandler
    void reset() {
        awaiting.deleteAllInBatch();
        orders.deleteAllInBatch();
        statuses.deleteAllInBatch();
    }

    private MemberTierView view(MemberTierStatus status) {
        QualifyingLedger ledger = new QualifyingLedger(orders.findByMemberId(status.memberId()).stream()
                .map(order -> new QualifyingEntry(order.orderId(), order.value(), order.paidAt(), List.of()))
                .toList());
        Instant now = clock.instant();
        Window window = policy.windowAt(now);
        BigDecimal value = policy.valueAt(ledger, now);
        String unit = policy.unit();
        Tier tier = policy.tier(status.tier());
        Optional<NextTier> next = policy.next(status.tier(), value);
        // Under a manual tier, what matters for the future is the tier earned by the rules.
        boolean manual = status.manual() != null;
        String basis = manual ? status.earnedTier() : status.tier();
        Instant basisValidUntil = manual ? status.earnedValidUntil() : status.validUntil();
        boolean losable = basisValidUntil != null;
        return new MemberTierView(
                status.memberId(),
                tier.code(),
                tier.nameZhCn(),
                tier.nameEn(),
                status.since(),
                status.validUntil(),
                new QualifyingValue(value, unit),
                new TierHistoryEntry.WindowView(window.kind().name(), window.from(), window.to()),
                next.map(n -> n.tier().code()).orElse(null),
                next.map(n -> new QualifyingValue(n.missing(), unit)).orElse(null),
                losable ? new QualifyingValue(policy.tier(basis).retentionThreshold(), unit) : null,
                losable ? new QualifyingValue(policy.neededToKeep(ledger, basis, basisValidUntil), unit) : null,
                policy.projectedTier(ledger, basis, basisValidUntil),
                status.manual(),
                status.earnedTier(),
                status.policyVersion(),
                status.updatedAt(),
                awaiting.findByMemberIdOrderByRefundedAtAscRefundIdAsc(status.memberId()).stream()
                        .map(refund -> new RefundAwaitingOrderView(
                                refund.orderId(),
                                refund.refundId(),
                                new QualifyingValue(refund.amount(), refund.unit()),
                                refund.refundedAt()))
                        .toList());
    }
}

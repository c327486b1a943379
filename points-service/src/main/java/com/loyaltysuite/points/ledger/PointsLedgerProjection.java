package com.loyaltysuite.points.ledger;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.account.PointsTotals;
import com.loyaltysuite.points.adjustment.AdjustmentRecorded;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.earning.PointsMadeAvailable;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.expiry.ExpiryPolicy;
import com.loyaltysuite.points.redemption.PointsReserved;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.redemption.ReservationReleased;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.points.standing.EarningWithheld;
import com.loyaltysuite.points.standing.PointsForfeited;
import com.loyaltysuite.points.standing.WithheldEarningForfeited;
import com.loyaltysuite.support.projections.ProjectionBatch;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger and balances, built from the account events. Each account event carries the totals it
 * left, so the balance row mirrors the account exactly. Idempotent (an entry is keyed by its event id,
 * the balance row remembers the last sequence number applied) and resettable: a reset empties the
 * tables and the processor rebuilds them from the store. Writes go through a {@link LedgerBatch} per
 * processor batch: one insert batch for the entries and one upsert per member for the balances,
 * instead of a lookup and a write per event.
 */
@Component
@ProcessingGroup(PointsLedgerProjection.PROCESSING_GROUP)
class PointsLedgerProjection {

    static final String PROCESSING_GROUP = "points-ledger";

    private final LedgerEntryRepository entries;
    private final PointsBalanceRepository balances;
    private final ExpiryPolicy expiry;
    private final Clock clock;
    private final ProjectionBatch<LedgerBatch> batch;

    PointsLedgerProjection(
            LedgerEntryRepository entries,
            PointsBalanceRepository balances,
            ExpiryPolicy expiry,
            Clock clock,
            JdbcTemplate jdbc) {
        this.entries = entries;
        this.balances = balances;
        this.expiry = expiry;
        this.clock = clock;
        this.batch = new ProjectionBatch<>(PROCESSING_GROUP, LedgerBatch::new, rows -> rows.writeTo(jdbc));
    }

    @EventHandler
    void on(EarningRecorded e, EventMessage<?> message, @SequenceNumber long sequence) {
        String cause = "order " + e.orderId() + " paid " + e.orderAmount().value().toPlainString() + " "
                + e.orderAmount().currency() + ": " + e.basePoints() + " × " + e.multiplier() + " (" + e.tier()
                + (e.promotionId() == null ? "" : ", promotion " + e.promotionId()) + ", " + e.ruleVersion() + ")"
                + (e.debtRepaid() > 0 ? "; " + e.debtRepaid() + " repaid debt" : "");
        record(e.memberId(), sequence, e.totals(), e.earnedAt(), new LedgerEntry(
                                message.getIdentifier(), e.memberId().value(), sequence, "EARNED", e.points(), e.earnedAt(), e.totals().balance())
                        .order(e.orderId().value())
                        .money(e.orderAmount())
                        .cause(cause)
                        .causedBy(e.causationId())
                        .dates(e.availableAt(), e.expiresAt()));
    }

    @EventHandler
    void on(RefundReversed e, EventMessage<?> message, @SequenceNumber long sequence) {
        String cause = "refund " + e.refundId() + " of order " + e.orderId() + " ("
                + e.refundAmount().value().toPlainString() + " " + e.refundAmount().currency() + ")"
                + (e.debtAdded() > 0 ? "; " + e.debtAdded() + " already spent, owed" : "");
        record(e.memberId(), sequence, e.totals(), e.reversedAt(), new LedgerEntry(
                                message.getIdentifier(), e.memberId().value(), sequence, "REVERSED", -e.points(), e.reversedAt(), e.totals().balance())
                        .order(e.orderId().value())
                        .reference(e.refundId())
                        .money(e.refundAmount())
                        .cause(cause)
                        .causedBy(e.causationId()));
    }

    @EventHandler
    void on(ReservationConfirmed e, EventMessage<?> message, @SequenceNumber long sequence) {
        record(e.memberId(), sequence, e.totals(), e.redeemedAt(), new LedgerEntry(
                                message.getIdentifier(), e.memberId().value(), sequence, "REDEEMED", -e.points(), e.redeemedAt(), e.totals().balance())
                        .order(e.orderId())
                        .reference(e.reservationId())
                        .cause("redeemed at checkout of order " + e.orderId()));
    }

    @EventHandler
    void on(DuePointsExpired e, EventMessage<?> message, @SequenceNumber long sequence) {
        record(e.memberId(), sequence, e.totals(), e.expiredAt(), new LedgerEntry(
                                message.getIdentifier(), e.memberId().value(), sequence, "EXPIRED", -e.points(), e.expiredAt(), e.totals().balance())
                        .cause("expired"));
    }

    @EventHandler
    void on(AdjustmentRecorded e, EventMessage<?> message, @SequenceNumber long sequence) {
        record(e.memberId(), sequence, e.totals(), e.adjustedAt(), new LedgerEntry(
                                message.getIdentifier(), e.memberId().value(), sequence, "ADJUSTED", e.points(), e.adjustedAt(), e.totals().balance())
                        .reference(e.adjustmentId())
                        .cause("adjusted by " + e.operatorId())
                        .byOperator(e.operatorId(), e.reason())
                        .dates(null, e.expiresAt()));
    }

    /** Withheld points are on the ledger for the member and support to see, but not in the balance. */
    @EventHandler
    void on(EarningWithheld e, EventMessage<?> message, @SequenceNumber long sequence) {
        String cause = "order " + e.orderId() + " paid " + e.orderAmount().value().toPlainString() + " "
                + e.orderAmount().currency() + " while " + e.status() + ": " + e.basePoints() + " × " + e.multiplier()
                + " (" + e.tier() + ", " + e.ruleVersion() + ") withheld, not in the balance";
        record(e.memberId(), sequence, e.totals(), e.paidAt(), new LedgerEntry(
                                message.getIdentifier(), e.memberId().value(), sequence, "WITHHELD", e.points(), e.paidAt(), e.totals().balance())
                        .order(e.orderId().value())
                        .money(e.orderAmount())
                        .cause(cause)
                        .causedBy(e.causationId())
                        .dates(e.availableAt(), e.expiresAt()));
    }

    /** Withheld points forfeited on unfreezing: they leave the withheld total; the balance never had them. */
    @EventHandler
    void on(WithheldEarningForfeited e, EventMessage<?> message, @SequenceNumber long sequence) {
        String cause = "withheld points of order " + e.orderId() + " forfeited on unfreezing ("
                + e.reason() + "), never paid, not in the balance";
        record(e.memberId(), sequence, e.totals(), e.forfeitedAt(), new LedgerEntry(
                                message.getIdentifier(), e.memberId().value(), sequence, "WITHHELD_FORFEITED", -e.points(), e.forfeitedAt(), e.totals().balance())
                        .order(e.orderId().value())
                        .cause(cause)
                        .causedBy(e.causationId()));
    }

    @EventHandler
    void on(PointsForfeited e, EventMessage<?> message, @SequenceNumber long sequence) {
        String cause = "membership closed (" + e.reason() + ")"
                + (e.withheldForfeited() > 0 ? "; " + e.withheldForfeited() + " withheld points forfeited too" : "");
        record(e.memberId(), sequence, e.totals(), e.forfeitedAt(), new LedgerEntry(
                                message.getIdentifier(), e.memberId().value(), sequence, "FORFEITED", -e.points(), e.forfeitedAt(), e.totals().balance())
                        .cause(cause));
    }

    @EventHandler
    void on(PointsMadeAvailable e, @SequenceNumber long sequence) {
        updateBalance(e.memberId(), sequence, e.totals(), e.availableAt());
    }

    @EventHandler
    void on(PointsReserved e, @SequenceNumber long sequence) {
        updateBalance(e.memberId(), sequence, e.totals(), e.reservedAt());
    }

    @EventHandler
    void on(ReservationReleased e, @SequenceNumber long sequence) {
        updateBalance(e.memberId(), sequence, e.totals(), e.releasedAt());
    }

    private void record(MemberId member, long sequence, PointsTotals totals, Instant at, LedgerEntry entry) {
        batch.add(rows -> {
            rows.entry(entry);
            rows.balanceOf(member.value()).apply(sequence, totals, at);
        });
    }

    private void updateBalance(MemberId member, long sequence, PointsTotals totals, Instant at) {
        batch.add(rows -> rows.balanceOf(member.value()).apply(sequence, totals, at));
    }

    @QueryHandler
    Optional<PointsBalanceView> handle(FindPointsBalance query) {
        Instant soon = clock.instant().plus(expiry.warnBefore());
        return balances.findById(query.memberId().value()).map(b -> new PointsBalanceView(
                b.memberId(),
                b.total(),
                b.available(),
                b.pending(),
                b.reserved(),
                b.debt(),
                b.withheld(),
                b.expiryBuckets().stream()
                        .filter(bucket -> !bucket.expiresAt().isAfter(soon))
                        .map(bucket -> new PointsBalanceView.ExpiringPoints(bucket.points(), bucket.expiresAt()))
                        .toList(),
                b.updatedAt()));
    }

    @QueryHandler
    Optional<PointsLedgerView> handle(FindPointsLedger query) {
        String memberId = query.memberId().value();
        if (!balances.existsById(memberId)) {
            return Optional.empty();
        }
        var page = entries.findByMemberIdOrderBySequenceNumberDesc(memberId, PageRequest.of(query.page(), query.size()));
        return Optional.of(new PointsLedgerView(
                memberId,
                query.page(),
                query.size(),
                page.getTotalElements(),
                page.getContent().stream().map(LedgerEntry::view).toList()));
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
        balances.deleteAllInBatch();
    }
}

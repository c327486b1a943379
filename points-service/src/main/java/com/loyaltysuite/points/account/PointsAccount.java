package com.loyaltysuite.points.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.points.adjustment.AdjustPoints;
import com.loyaltysuite.points.adjustment.AdjustmentRecorded;
import com.loyaltysuite.points.adjustment.AdjustmentView;
import com.loyaltysuite.points.earning.EarnedOrder;
import com.loyaltysuite.points.earning.EarningDecision;
import com.loyaltysuite.points.earning.EarningPolicy;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.earning.MakePointsAvailable;
import com.loyaltysuite.points.earning.PointsMadeAvailable;
import com.loyaltysuite.points.earning.RecordEarning;
import com.loyaltysuite.points.earning.RecordTierChange;
import com.loyaltysuite.points.earning.TierChangeRecorded;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.expiry.ExpireDuePoints;
import com.loyaltysuite.points.expiry.ExpiringPointsWarned;
import com.loyaltysuite.points.expiry.ExpiryPolicy;
import com.loyaltysuite.points.expiry.WarnOfExpiringPoints;
import com.loyaltysuite.points.redemption.CancelReservation;
import com.loyaltysuite.points.redemption.ConfirmReservation;
import com.loyaltysuite.points.redemption.ExpireReservation;
import com.loyaltysuite.points.redemption.PointsReserved;
import com.loyaltysuite.points.redemption.RedemptionPolicy;
import com.loyaltysuite.points.redemption.Reservation;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.redemption.ReservationReleased;
import com.loyaltysuite.points.redemption.ReservationStatus;
import com.loyaltysuite.points.redemption.ReservationView;
import com.loyaltysuite.points.redemption.ReservePoints;
import com.loyaltysuite.points.refund.RefundAwaitingOrderRecorded;
import com.loyaltysuite.points.refund.RefundOutcome;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.points.refund.ReverseRefund;
import com.loyaltysuite.points.standing.EarningWithheld;
import com.loyaltysuite.points.standing.MemberNotActiveException;
import com.loyaltysuite.points.standing.MemberStanding;
import com.loyaltysuite.points.standing.MemberStatusRecorded;
import com.loyaltysuite.points.standing.PointsForfeited;
import com.loyaltysuite.points.standing.RecordMemberStatus;
import com.loyaltysuite.points.standing.WithheldEarningForfeited;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's points account: the decisions. What an order earns is {@link EarningPolicy}'s (at the tier
 * held when it was paid), what a refund takes back {@code RefundPolicy}'s (through the order's
 * {@link EarnedOrder}), what a reservation allows {@link Reservation}'s, when points expire
 * {@link ExpiryPolicy}'s. Each handler checks, asks the rule's home, and applies events that carry the
 * lot draws decided and the totals left; what the account remembers, and how events change it, is
 * {@link PointsAccountState}. The points themselves live in a {@link LotLedger}.
 */
@Aggregate(cache = "pointsAccountCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("4") // a snapshot is its fields: bump when they change (PointsAccountSnapshotTest)
public class PointsAccount extends PointsAccountState {

    protected PointsAccount() {
        // for Axon
    }

    // ---- earning

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordEarning command, EarningPolicy earning, ExpiryPolicy expiry, MemberStanding standing) {
        if (orders.containsKey(command.orderId())
                || withheld.containsKey(command.orderId())
                || forfeitedOrders.contains(command.orderId())) {
            return; // the same order re-sent (new event id): it counts once
        }
        EarningDecision decision = earning.decide(
                command.amount(), tierAt(command.paidAt()), command.channel(), command.categories(), command.paidAt());
        if (!MemberStanding.earns(statusHistory, command.paidAt())) {
            withhold(command, decision, earning, expiry, standing);
            return;
        }
        long repaid = ledger.debtRepaidBy(decision.points());
        Instant expiresAt = expiry.expiresAt(command.paidAt());
        String lot = orderLot(command.orderId());
        List<RefundAwaitingOrderRecorded> overtaken = refundsAwaitingOrder.getOrDefault(command.orderId(), List.of());
        apply(EarningRecorded.of(command, decision, command.paidAt().plus(earning.pendingPeriod()), expiresAt, repaid,
                after(l -> l.addLot(lot, decision.points(), repaid, command.paidAt(), expiresAt, false))));
        // A refund that overtook its order (they come on different topics) is applied now.
        overtaken.forEach(r -> reverse(r.orderId(), r.refundId(), r.amount(), r.refundedAt(), r.causationId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordTierChange command) {
        if (!command.tier().equals(tierHistory.get(command.effectiveAt()))) {
            apply(new TierChangeRecorded(command.memberId(), Programs.orDefault(command.programId()), command.tier(),
                    command.effectiveAt(), command.causationId()));
        }
    }

    /**
     * An order of a frozen (or closed) member: its points are decided as usual and withheld. For a member
     * unfrozen already by the time it arrives, they are released (or forfeited) at once.
     */
    private void withhold(
            RecordEarning command, EarningDecision decision, EarningPolicy earning, ExpiryPolicy expiry, MemberStanding standing) {
        MemberStatus status = MemberStanding.statusAt(statusHistory, command.paidAt());
        apply(new EarningWithheld(memberId(command), Programs.orDefault(command.programId()), command.orderId(),
                decision.points(), decision.basePoints(), decision.multiplier(), decision.tier(), decision.ruleVersion(),
                decision.promotionId(), command.amount(), command.paidAt(), command.paidAt().plus(earning.pendingPeriod()),
                expiry.expiresAt(command.paidAt()), MemberStanding.current(statusHistory) == MemberStatus.CLOSED
                        ? MemberStatus.CLOSED : status,
                command.causationId(), after(l -> {}, withheldPoints() + decision.points())));
        if (MemberStanding.current(statusHistory) == MemberStatus.ACTIVE) {
            settleOnUnfreezing(command.orderId(), standing, "unfrozen before the order arrived",
                    MemberStanding.unfrozenAfter(statusHistory, command.paidAt()), command.causationId());
        }
    }

    private MemberId memberId(RecordEarning command) {
        return memberId != null ? memberId : command.memberId();
    }

    /** Withheld points become an ordinary earning, with the dates decided when the order was paid. */
    private void release(OrderId orderId) {
        EarningWithheld w = withheld.get(orderId);
        long repaid = ledger.debtRepaidBy(w.points());
        String lot = orderLot(orderId);
        List<RefundAwaitingOrderRecorded> overtaken = refundsAwaitingOrder.getOrDefault(orderId, List.of());
        apply(new EarningRecorded(memberId, programId, orderId, w.points(), w.basePoints(), w.multiplier(), w.tier(),
                w.ruleVersion(), w.promotionId(), w.orderAmount(), w.paidAt(), w.availableAt(), w.expiresAt(), repaid,
                w.causationId(), after(l -> l.addLot(lot, w.points(), repaid, w.paidAt(), w.expiresAt(), false),
                        withheldPoints() - w.points())));
        overtaken.forEach(r -> reverse(r.orderId(), r.refundId(), r.amount(), r.refundedAt(), r.causationId()));
    }

    /** An order's withheld points once the member is unfrozen: paid or dropped, as the programme's rule says. */
    private void settleOnUnfreezing(OrderId orderId, MemberStanding standing, String reason, Instant at, String causationId) {
        if (standing.forfeitsOnUnfreeze()) {
            forfeit(orderId, reason, at, causationId);
        } else {
            release(orderId);
        }
    }

    /** Withheld points that are never paid: they leave the withheld total and nothing else. */
    private void forfeit(OrderId orderId, String reason, Instant at, String causationId) {
        EarningWithheld w = withheld.get(orderId);
        apply(new WithheldEarningForfeited(memberId, programId, orderId, w.points(), reason, at, causationId,
                after(l -> {}, withheldPoints() - w.points())));
    }

    // ---- member status

    /**
     * Follows the member's status from member-service: unfreezing releases or forfeits what was withheld,
     * closing ends the points, each as the programme's rule says ({@link MemberStanding}).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMemberStatus command, MemberStanding standing) {
        if (command.status() == statusHistory.get(command.changedAt())) {
            return; // delivered again
        }
        MemberStatus before = MemberStanding.current(statusHistory);
        apply(new MemberStatusRecorded(command.memberId(), Programs.orDefault(command.programId()), command.status(),
                command.reason(), command.changedAt(), command.causationId()));
        MemberStatus now = MemberStanding.current(statusHistory);
        if (MemberStanding.unfreezes(before, now)) {
            new ArrayList<>(withheld.keySet()).forEach(order ->
                    settleOnUnfreezing(order, standing, command.reason(), command.changedAt(), command.causationId()));
        }
        if (now == MemberStatus.CLOSED && before != MemberStatus.CLOSED && standing.forfeitsOnClose()) {
            List<LotDraw> draws = ledger.drawsExpiringBy(Instant.MAX);
            long points = draws.stream().mapToLong(LotDraw::points).sum();
            long withheldPoints = withheldPoints();
            if (points > 0 || withheldPoints > 0) {
                apply(new PointsForfeited(memberId, programId, points, draws, withheldPoints, command.reason(),
                        command.changedAt(), after(l -> l.take(draws, 0), 0)));
            }
        }
    }

    @CommandHandler
    void handle(MakePointsAvailable command) {
        EarnedOrder order = orders.get(command.orderId());
        String lot = orderLot(command.orderId());
        if (order != null && !ledger.isAvailable(lot) && order.availableBy(command.at())) { // else fired twice or early
            apply(new PointsMadeAvailable(memberId, programId, command.orderId(), ledger.remaining(lot),
                    order.availableAt(), order.causationId(), after(l -> l.makeAvailable(lot))));
        }
    }

    // ---- refunds

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RefundOutcome handle(ReverseRefund command, EarningPolicy earning) {
        earning.requireCurrency(command.amount());
        EarnedOrder order = orders.get(command.orderId());
        if (forfeitedOrders.contains(command.orderId())) {
            return RefundOutcome.FORFEITED_ORDER; // its points were never paid: nothing to take back
        }
        if (order == null && withheld.containsKey(command.orderId())) {
            // The order's points are withheld: the refund is applied when (if) they are released, and
            // dropped with them if they are forfeited.
            if (refundsAwaitingOrder.getOrDefault(command.orderId(), List.of()).stream()
                    .noneMatch(r -> r.refundId().equals(command.refundId()))) {
                apply(new RefundAwaitingOrderRecorded(command.memberId(), Programs.orDefault(command.programId()),
                        command.orderId(), command.refundId(), command.amount(), command.refundedAt(), command.causationId()));
            }
            return RefundOutcome.WITHHELD_ORDER;
        }
        if (order == null) {
            if (refundsAwaitingOrder.getOrDefault(command.orderId(), List.of()).stream()
                    .noneMatch(r -> r.refundId().equals(command.refundId()))) {
                apply(new RefundAwaitingOrderRecorded(command.memberId(), Programs.orDefault(command.programId()),
                        command.orderId(), command.refundId(), command.amount(), command.refundedAt(), command.causationId()));
            }
            return RefundOutcome.UNKNOWN_ORDER;
        }
        if (order.refunded(command.refundId())) {
            return RefundOutcome.DUPLICATE;
        }
        reverse(command.orderId(), command.refundId(), command.amount(), command.refundedAt(), command.causationId());
        return RefundOutcome.REVERSED;
    }

    /** Takes back the refunded share of an order's points: from its own lot first, then as a removal. */
    private void reverse(OrderId orderId, String refundId, Money amount, Instant refundedAt, String causationId) {
        long points = orders.get(orderId).pointsToReverse(amount);
        LotLedger.Removal removal = ledger.drawsToRemove(orderLot(orderId), points);
        apply(new RefundReversed(memberId, programId, orderId, refundId, amount, points, removal.draws(), removal.debtAdded(),
                refundedAt, causationId, after(l -> l.take(removal.draws(), removal.debtAdded()))));
    }

    // ---- redemption

    @CommandHandler
    ReservationView handle(ReservePoints command, RedemptionPolicy redemption) {
        Reservation existing = reservations.get(command.reservationId());
        if (existing != null) {
            return existing.repeated(command, memberId, redemption);
        }
        MemberStatus status = MemberStanding.current(statusHistory);
        if (status != MemberStatus.ACTIVE) {
            throw new MemberNotActiveException(memberId, status);
        }
        List<LotDraw> draws = ledger.drawsToSpend(command.points());
        apply(new PointsReserved(memberId, programId, command.reservationId(), command.orderId(), command.points(), draws,
                command.requestedAt(), command.requestedAt().plus(redemption.reservationTtl()),
                after(l -> l.hold(command.reservationId(), draws))));
        return reservations.get(command.reservationId()).view(memberId, redemption);
    }

    @CommandHandler
    ReservationView handle(ConfirmReservation command, RedemptionPolicy redemption) {
        Reservation reservation = reservation(command.reservationId());
        if (reservation.confirms()) {
            apply(new ReservationConfirmed(memberId, programId, reservation.id(), reservation.orderId(), reservation.points(),
                    command.at(), after(l -> l.spendHeld(reservation.id()))));
        }
        return reservation.view(memberId, redemption);
    }

    @CommandHandler
    ReservationView handle(CancelReservation command, RedemptionPolicy redemption) {
        Reservation reservation = reservation(command.reservationId());
        if (reservation.cancels()) {
            release(reservation, ReservationStatus.CANCELLED, command.at());
        }
        return reservation.view(memberId, redemption);
    }

    @CommandHandler
    void handle(ExpireReservation command) {
        Reservation reservation = reservations.get(command.reservationId());
        if (reservation != null && reservation.isOpen()) {
            release(reservation, ReservationStatus.EXPIRED, command.at());
        }
    }

    /** Points given back to a lot that expired meanwhile expire at once. */
    private void release(Reservation reservation, ReservationStatus status, Instant at) {
        apply(new ReservationReleased(memberId, programId, reservation.id(), reservation.orderId(), reservation.points(),
                status, at, after(l -> l.release(reservation.id()))));
        expireDue(at);
    }

    // ---- expiry

    @CommandHandler
    void handle(WarnOfExpiringPoints command) {
        long points = ledger.remainingExpiringAt(command.expiresAt());
        if (points > 0 && !warnedExpiries.contains(command.expiresAt()) && command.at().isBefore(command.expiresAt())) {
            apply(new ExpiringPointsWarned(memberId, programId, points, command.expiresAt(), command.at()));
        }
    }

    @CommandHandler
    void handle(ExpireDuePoints command) {
        expireDue(command.at());
    }

    private void expireDue(Instant at) {
        List<LotDraw> draws = ledger.drawsExpiringBy(at);
        if (!draws.isEmpty()) {
            long points = draws.stream().mapToLong(LotDraw::points).sum();
            apply(new DuePointsExpired(memberId, programId, points, draws, at, after(l -> l.take(draws, 0))));
        }
    }

    // ---- adjustments

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AdjustmentView handle(AdjustPoints command, ExpiryPolicy expiry) {
        AdjustmentRecorded earlier = adjustments.get(command.adjustmentId());
        if (earlier != null && !command.repeats(earlier)) {
            throw new RequestIdReusedException(command.adjustmentId());
        }
        if (earlier != null) {
            return AdjustmentView.of(earlier);
        }
        String program = programId == null ? Programs.DEFAULT : programId;
        AdjustmentRecorded adjusted;
        if (command.points() >= 0) {
            long repaid = ledger.debtRepaidBy(command.points());
            Instant expiresAt = expiry.expiresAt(command.adjustedAt());
            String lot = adjustmentLot(command.adjustmentId());
            adjusted = AdjustmentRecorded.of(command, program, expiresAt, repaid, List.of(), 0,
                    after(l -> l.addLot(lot, command.points(), repaid, command.adjustedAt(), expiresAt, true)));
        } else {
            LotLedger.Removal removal = ledger.drawsToRemove(null, -command.points());
            adjusted = AdjustmentRecorded.of(command, program, null, 0, removal.draws(), removal.debtAdded(),
                    after(l -> l.take(removal.draws(), removal.debtAdded())));
        }
        apply(adjusted);
        return AdjustmentView.of(adjusted);
    }
}

package com.loyaltysuite.points.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.points.earning.EarningDecision;
import com.loyaltysuite.points.earning.EarningPolicy;
import com.loyaltysuite.points.expiry.ExpiryPolicy;
import com.loyaltysuite.points.redemption.RedemptionPolicy;
import com.loyaltysuite.points.refund.RefundPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's points account. Decides what an order earns (once per order, at the tier the member
 * held when it was paid), when points become available, what a refund takes back, what a checkout
 * may spend, what expires, and records each decision with what it was based on. The points
 * themselves live in a {@link LotLedger}; every event carries the lot draws it decided, so a replay
 * only re-applies them.
 */
@Aggregate(cache = "pointsAccountCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1") // a snapshot is its fields: bump when they change (PointsAccountSnapshotTest)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class PointsAccount {

    /** The entry tier: a member earns at its rate until a TierChanged says otherwise. */
    static final String DEFAULT_TIER = "MEMBER";

    @AggregateIdentifier
    private MemberId memberId;

    private String programId;
    private final LotLedger ledger = new LotLedger();
    private final Map<OrderId, EarnedOrder> orders = new HashMap<>();
    private final Map<OrderId, List<RefundOfUnknownOrderRecorded>> unmatchedRefunds = new HashMap<>();
    private final TreeMap<Instant, String> tierHistory = new TreeMap<>();
    private final Map<String, Reservation> reservations = new LinkedHashMap<>();
    private final Map<String, PointsAdjusted> adjustments = new HashMap<>();
    private final Set<Instant> warnedExpiries = new HashSet<>();

    protected PointsAccount() {
        // for Axon
    }

    // ---- earning

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EarnPoints command, EarningPolicy earning, ExpiryPolicy expiry) {
        if (orders.containsKey(command.orderId())) {
            return; // the same order re-sent (new event id): it counts once
        }
        EarningDecision decision = earning.decide(
                command.amount(), tierAt(command.paidAt()), command.channel(), command.categories(), command.paidAt());
        long repaid = ledger.debtRepaidBy(decision.points());
        Instant expiresAt = expiry.expiresAt(command.paidAt());
        List<RefundOfUnknownOrderRecorded> overtaken = unmatchedRefunds.getOrDefault(command.orderId(), List.of());
        apply(new PointsEarned(
                command.memberId(),
                Programs.orDefault(command.programId()),
                command.orderId(),
                decision.points(),
                decision.basePoints(),
                decision.multiplier(),
                decision.tier(),
                decision.ruleVersion(),
                decision.promotionId(),
                command.amount(),
                command.paidAt(),
                command.paidAt().plus(earning.pendingPeriod()),
                expiresAt,
                repaid,
                command.causationId(),
                after(l -> l.addLot(
                        orderLot(command.orderId()), decision.points(), repaid, command.paidAt(), expiresAt, false))));
        // A refund that overtook its order (they come on different topics) is applied now.
        for (RefundOfUnknownOrderRecorded refund : overtaken) {
            reverse(refund.orderId(), refund.refundId(), refund.amount(), refund.refundedAt(), refund.causationId());
        }
    }

    /** The tier in force when an order was paid: changes effective strictly before it (a promotion
     * caused by this very order starts with it and applies to later orders). */
    private String tierAt(Instant paidAt) {
        var entry = tierHistory.lowerEntry(paidAt);
        return entry == null ? DEFAULT_TIER : entry.getValue();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordTierChange command) {
        if (command.tier().equals(tierHistory.get(command.effectiveAt()))) {
            return;
        }
        apply(new TierRecorded(
                command.memberId(),
                Programs.orDefault(command.programId()),
                command.tier(),
                command.effectiveAt(),
                command.causationId()));
    }

    @CommandHandler
    void handle(MakePointsAvailable command) {
        EarnedOrder order = orders.get(command.orderId());
        String lotId = orderLot(command.orderId());
        if (order == null || ledger.isAvailable(lotId) || command.at().isBefore(order.availableAt)) {
            return; // a timer fired twice, or early: nothing to do
        }
        apply(new PointsAvailable(
                memberId,
                programId,
                command.orderId(),
                ledger.remaining(lotId),
                order.availableAt,
                order.causationId,
                after(l -> l.makeAvailable(lotId))));
    }

    // ---- refunds

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RefundOutcome handle(ReverseRefundedPoints command, EarningPolicy earning) {
        earning.requireCurrency(command.amount());
        EarnedOrder order = orders.get(command.orderId());
        if (order == null) {
            boolean known = unmatchedRefunds.getOrDefault(command.orderId(), List.of()).stream()
                    .anyMatch(r -> r.refundId().equals(command.refundId()));
            if (!known) {
                apply(new RefundOfUnknownOrderRecorded(
                        command.memberId(),
                        Programs.orDefault(command.programId()),
                        command.orderId(),
                        command.refundId(),
                        command.amount(),
                        command.refundedAt(),
                        command.causationId()));
            }
            return RefundOutcome.UNKNOWN_ORDER;
        }
        if (order.refundIds.contains(command.refundId())) {
            return RefundOutcome.DUPLICATE;
        }
        reverse(command.orderId(), command.refundId(), command.amount(), command.refundedAt(), command.causationId());
        return RefundOutcome.REVERSED;
    }

    /** Reverses the refunded share of an order's points ({@link RefundPolicy}). */
    private void reverse(OrderId orderId, String refundId, Money amount, Instant refundedAt, String causationId) {
        EarnedOrder order = orders.get(orderId);
        long points = RefundPolicy.pointsToReverse(order.points, order.amount, order.refunded, order.reversed, amount.value());
        LotLedger.Removal removal = ledger.drawsToRemove(orderLot(orderId), points);
        apply(new PointsReversed(
                memberId,
                programId,
                orderId,
                refundId,
                amount,
                points,
                removal.draws(),
                removal.debtAdded(),
                refundedAt,
                causationId,
                after(l -> l.take(removal.draws(), removal.debtAdded()))));
    }

    // ---- redemption

    @CommandHandler
    ReservationView handle(ReservePoints command, RedemptionPolicy redemption) {
        Reservation existing = reservations.get(command.reservationId());
        if (existing != null) {
            if (existing.points != command.points() || !existing.orderId.equals(command.orderId())) {
                throw new RequestIdReusedException(command.reservationId());
            }
            return existing.view(memberId, redemption);
        }
        List<LotDraw> draws = ledger.drawsToSpend(command.points());
        Instant expiresAt = command.requestedAt().plus(redemption.reservationTtl());
        apply(new PointsReserved(
                memberId,
                programId,
                command.reservationId(),
                command.orderId(),
                command.points(),
                draws,
                command.requestedAt(),
                expiresAt,
                after(l -> l.hold(command.reservationId(), draws))));
        return reservations.get(command.reservationId()).view(memberId, redemption);
    }

    @CommandHandler
    ReservationView handle(ConfirmReservation command, RedemptionPolicy redemption) {
        Reservation reservation = reservation(command.reservationId());
        if (reservation.status == ReservationStatus.OPEN) {
            apply(new PointsRedeemed(
                    memberId,
                    programId,
                    reservation.id,
                    reservation.orderId,
                    reservation.points,
                    command.at(),
                    after(l -> l.spendHeld(reservation.id))));
        } else if (reservation.status != ReservationStatus.CONFIRMED) {
            throw new ReservationClosedException(reservation.id, reservation.status);
        }
        return reservation.view(memberId, redemption);
    }

    @CommandHandler
    ReservationView handle(CancelReservation command, RedemptionPolicy redemption) {
        Reservation reservation = reservation(command.reservationId());
        if (reservation.status == ReservationStatus.CONFIRMED) {
            throw new ReservationClosedException(reservation.id, reservation.status);
        }
        if (reservation.status == ReservationStatus.OPEN) {
            release(reservation, ReservationStatus.CANCELLED, command.at());
        }
        return reservation.view(memberId, redemption);
    }

    @CommandHandler
    void handle(ExpireReservation command) {
        Reservation reservation = reservations.get(command.reservationId());
        if (reservation != null && reservation.status == ReservationStatus.OPEN) {
            release(reservation, ReservationStatus.EXPIRED, command.at());
        }
    }

    /** Points given back to a lot that expired meanwhile expire at once. */
    private void release(Reservation reservation, ReservationStatus status, Instant at) {
        apply(new ReservationReleased(
                memberId,
                programId,
                reservation.id,
                reservation.orderId,
                reservation.points,
                status,
                at,
                after(l -> l.release(reservation.id))));
        expireDue(at);
    }

    private Reservation reservation(String reservationId) {
        Reservation reservation = reservations.get(reservationId);
        if (reservation == null) {
            throw new ReservationNotFoundException(reservationId);
        }
        return reservation;
    }

    // ---- expiry

    @CommandHandler
    void handle(WarnOfExpiringPoints command) {
        long points = ledger.remainingExpiringAt(command.expiresAt());
        if (points > 0 && !warnedExpiries.contains(command.expiresAt()) && command.at().isBefore(command.expiresAt())) {
            apply(new PointsExpiring(memberId, programId, points, command.expiresAt(), command.at()));
        }
    }

    @CommandHandler
    void handle(ExpirePoints command) {
        expireDue(command.at());
    }

    private void expireDue(Instant at) {
        List<LotDraw> draws = ledger.drawsExpiringBy(at);
        if (draws.isEmpty()) {
            return;
        }
        long points = draws.stream().mapToLong(LotDraw::points).sum();
        apply(new PointsExpired(memberId, programId, points, draws, at, after(l -> l.take(draws, 0))));
    }

    // ---- adjustments

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AdjustmentView handle(AdjustPoints command, ExpiryPolicy expiry) {
        PointsAdjusted earlier = adjustments.get(command.adjustmentId());
        if (earlier != null) {
            if (earlier.points() != command.points()
                    || !earlier.reason().equals(command.reason())
                    || !earlier.operatorId().equals(command.operatorId())) {
                throw new RequestIdReusedException(command.adjustmentId());
            }
            return view(earlier);
        }
        String lotId = adjustmentLot(command.adjustmentId());
        PointsAdjusted adjusted;
        if (command.points() >= 0) {
            long repaid = ledger.debtRepaidBy(command.points());
            Instant expiresAt = expiry.expiresAt(command.adjustedAt());
            adjusted = new PointsAdjusted(
                    command.memberId(),
                    programId == null ? Programs.DEFAULT : programId,
                    command.adjustmentId(),
                    command.points(),
                    command.reason(),
                    command.operatorId(),
                    command.adjustedAt(),
                    expiresAt,
                    repaid,
                    List.of(),
                    0,
                    after(l -> l.addLot(lotId, command.points(), repaid, command.adjustedAt(), expiresAt, true)));
        } else {
            LotLedger.Removal removal = ledger.drawsToRemove(null, -command.points());
            adjusted = new PointsAdjusted(
                    command.memberId(),
                    programId == null ? Programs.DEFAULT : programId,
                    command.adjustmentId(),
                    command.points(),
                    command.reason(),
                    command.operatorId(),
                    command.adjustedAt(),
                    null,
                    0,
                    removal.draws(),
                    removal.debtAdded(),
                    after(l -> l.take(removal.draws(), removal.debtAdded())));
        }
        apply(adjusted);
        return view(adjusted);
    }

    private static AdjustmentView view(PointsAdjusted a) {
        return new AdjustmentView(
                a.adjustmentId(),
                a.memberId().value(),
                a.points(),
                a.reason(),
                a.operatorId(),
                a.adjustedAt(),
                a.totals().balance());
    }

    // ---- state

    @EventSourcingHandler
    void on(PointsEarned event) {
        identify(event.memberId(), event.programId());
        ledger.addLot(
                orderLot(event.orderId()), event.points(), event.debtRepaid(), event.earnedAt(), event.expiresAt(), false);
        orders.put(
                event.orderId(),
                new EarnedOrder(event.orderAmount().value(), event.points(), event.availableAt(), event.causationId()));
        unmatchedRefunds.remove(event.orderId());
    }

    @EventSourcingHandler
    void on(PointsAvailable event) {
        ledger.makeAvailable(orderLot(event.orderId()));
    }

    @EventSourcingHandler
    void on(RefundOfUnknownOrderRecorded event) {
        identify(event.memberId(), event.programId());
        unmatchedRefunds.computeIfAbsent(event.orderId(), id -> new ArrayList<>()).add(event);
    }

    @EventSourcingHandler
    void on(PointsReversed event) {
        ledger.take(event.draws(), event.debtAdded());
        EarnedOrder order = orders.get(event.orderId());
        order.refunded = order.refundedAfter(event.refundAmount());
        order.reversed += event.points();
        order.refundIds.add(event.refundId());
    }

    @EventSourcingHandler
    void on(TierRecorded event) {
        identify(event.memberId(), event.programId());
        tierHistory.put(event.effectiveAt(), event.tier());
    }

    @EventSourcingHandler
    void on(PointsReserved event) {
        ledger.hold(event.reservationId(), event.draws());
        reservations.put(
                event.reservationId(),
                new Reservation(event.reservationId(), event.orderId(), event.points(), event.expiresAt()));
    }

    @EventSourcingHandler
    void on(PointsRedeemed event) {
        ledger.spendHeld(event.reservationId());
        reservations.get(event.reservationId()).status = ReservationStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(ReservationReleased event) {
        ledger.release(event.reservationId());
        reservations.get(event.reservationId()).status = event.status();
    }

    @EventSourcingHandler
    void on(PointsExpiring event) {
        warnedExpiries.add(event.expiresAt());
    }

    @EventSourcingHandler
    void on(PointsExpired event) {
        ledger.take(event.draws(), 0);
    }

    @EventSourcingHandler
    void on(PointsAdjusted event) {
        identify(event.memberId(), event.programId());
        if (event.points() >= 0) {
            ledger.addLot(
                    adjustmentLot(event.adjustmentId()),
                    event.points(),
                    event.debtRepaid(),
                    event.adjustedAt(),
                    event.expiresAt(),
                    true);
        } else {
            ledger.take(event.draws(), event.debtAdded());
        }
        adjustments.put(event.adjustmentId(), event);
    }

    private void identify(MemberId member, String program) {
        if (memberId == null) {
            memberId = member;
            programId = program;
        }
    }

    /** The totals the account would have after {@code change}, worked out on a copy. */
    private PointsTotals after(Consumer<LotLedger> change) {
        LotLedger copy = ledger.copy();
        change.accept(copy);
        return copy.totals();
    }

    static String orderLot(OrderId orderId) {
        return "order:" + orderId.value();
    }

    static String adjustmentLot(String adjustmentId) {
        return "adjustment:" + adjustmentId;
    }

    LotLedger ledger() {
        return ledger;
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
    private static final class EarnedOrder {
        final BigDecimal amount;
        final long points;
        final Instant availableAt;
        final String causationId;
        final Set<String> refundIds = new HashSet<>();
        BigDecimal refunded = BigDecimal.ZERO;
        long reversed;

        EarnedOrder(BigDecimal amount, long points, Instant availableAt, String causationId) {
            this.amount = amount;
            this.points = points;
            this.availableAt = availableAt;
            this.causationId = causationId;
        }

        private List<Object> state() {
            return List.of(amount, points, availableAt, causationId, refundIds, refunded, reversed);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EarnedOrder order && state().equals(order.state());
        }

        @Override
        public int hashCode() {
            return state().hashCode();
        }

        BigDecimal refundedAfter(Money refund) {
            return RefundPolicy.refundedAfter(amount, refunded, refund.value());
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
    private static final class Reservation {
        final String id;
        final String orderId;
        final long points;
        final Instant expiresAt;
        ReservationStatus status = ReservationStatus.OPEN;

        Reservation(String id, String orderId, long points, Instant expiresAt) {
            this.id = id;
            this.orderId = orderId;
            this.points = points;
            this.expiresAt = expiresAt;
        }

        private List<Object> state() {
            return List.of(id, orderId, points, expiresAt, status);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Reservation reservation && state().equals(reservation.state());
        }

        @Override
        public int hashCode() {
            return state().hashCode();
        }

        ReservationView view(MemberId memberId, RedemptionPolicy redemption) {
            return new ReservationView(
                    id, memberId.value(), orderId, points, redemption.valueOf(points), status, expiresAt);
        }
    }
}

package com.loyaltysuite.points.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.points.adjustment.AdjustmentRecorded;
import com.loyaltysuite.points.earning.EarnedOrder;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.earning.PointsMadeAvailable;
import com.loyaltysuite.points.earning.TierChangeRecorded;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.expiry.ExpiringPointsWarned;
import com.loyaltysuite.points.redemption.PointsReserved;
import com.loyaltysuite.points.redemption.Reservation;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.redemption.ReservationNotFoundException;
import com.loyaltysuite.points.redemption.ReservationReleased;
import com.loyaltysuite.points.refund.RefundAwaitingOrderRecorded;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.points.standing.EarningWithheld;
import com.loyaltysuite.points.standing.MemberStatusRecorded;
import com.loyaltysuite.points.standing.PointsForfeited;
import com.loyaltysuite.points.standing.WithheldEarningForfeited;
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
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * What a points account remembers, and how each of its events changes that: the account's replay.
 * {@link PointsAccount} decides on top of it. Events only re-apply what was decided (the lot draws,
 * the new lot) and never decide again. Earned orders and reservations are entities that follow their
 * own events. A snapshot is these fields (PointsAccountSnapshotTest pins them to the revision).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
abstract class PointsAccountState {

    /** The entry tier: a member earns at its rate until a TierChanged says otherwise. */
    static final String DEFAULT_TIER = "MEMBER";

    @AggregateIdentifier
    MemberId memberId;

    String programId;
    final LotLedger ledger = new LotLedger();
    final TreeMap<Instant, String> tierHistory = new TreeMap<>();

    // The orders and reservations get their events from the handlers below, looked up by key: as
    // Axon aggregate members, every event naming an order was matched against each order the member
    // ever had, which made a heavy member's every order cost as many comparisons as they had orders.
    final Map<OrderId, EarnedOrder> orders = new HashMap<>();

    final Map<OrderId, List<RefundAwaitingOrderRecorded>> refundsAwaitingOrder = new HashMap<>();

    final Map<String, Reservation> reservations = new LinkedHashMap<>();

    final Map<String, AdjustmentRecorded> adjustments = new HashMap<>();
    final Set<Instant> warnedExpiries = new HashSet<>();

    /** The member's status from each change on (member-service's MemberStatusChanged). */
    final TreeMap<Instant, MemberStatus> statusHistory = new TreeMap<>();

    /** Orders paid while the member was not active, in the order they came, until released or forfeited. */
    final LinkedHashMap<OrderId, EarningWithheld> withheld = new LinkedHashMap<>();

    /** Orders whose withheld points were forfeited on unfreezing: they never earn, their refunds take nothing. */
    final Set<OrderId> forfeitedOrders = new HashSet<>();

    @EventSourcingHandler
    void on(EarningRecorded e) {
        identify(e.memberId(), e.programId());
        ledger.addLot(orderLot(e.orderId()), e.points(), e.debtRepaid(), e.earnedAt(), e.expiresAt(), false);
        orders.put(e.orderId(), EarnedOrder.of(e));
        refundsAwaitingOrder.remove(e.orderId());
        withheld.remove(e.orderId()); // released
    }

    @EventSourcingHandler
    void on(MemberStatusRecorded e) {
        identify(e.memberId(), e.programId());
        statusHistory.put(e.effectiveAt(), e.status());
    }

    @EventSourcingHandler
    void on(EarningWithheld e) {
        identify(e.memberId(), e.programId());
        withheld.put(e.orderId(), e);
    }

    @EventSourcingHandler
    void on(WithheldEarningForfeited e) {
        withheld.remove(e.orderId());
        refundsAwaitingOrder.remove(e.orderId()); // nothing left for them to take
        forfeitedOrders.add(e.orderId());
    }

    @EventSourcingHandler
    void on(PointsForfeited e) {
        ledger.take(e.draws(), 0);
        // Their orders stay known as forfeited: re-sent, they earn nothing; refunded, there is nothing to take.
        withheld.keySet().forEach(order -> {
            forfeitedOrders.add(order);
            refundsAwaitingOrder.remove(order);
        });
        withheld.clear();
    }

    @EventSourcingHandler
    void on(TierChangeRecorded e) {
        identify(e.memberId(), e.programId());
        tierHistory.put(e.effectiveAt(), e.tier());
    }

    @EventSourcingHandler
    void on(PointsMadeAvailable e) {
        ledger.makeAvailable(orderLot(e.orderId()));
    }

    @EventSourcingHandler
    void on(RefundAwaitingOrderRecorded e) {
        identify(e.memberId(), e.programId());
        refundsAwaitingOrder.computeIfAbsent(e.orderId(), id -> new ArrayList<>()).add(e);
    }

    @EventSourcingHandler
    void on(RefundReversed e) {
        ledger.take(e.draws(), e.debtAdded());
        EarnedOrder order = orders.get(e.orderId());
        if (order != null) {
            order.reversedBy(e);
        }
    }

    @EventSourcingHandler
    void on(PointsReserved e) {
        ledger.hold(e.reservationId(), e.draws());
        reservations.put(e.reservationId(), Reservation.of(e));
    }

    @EventSourcingHandler
    void on(ReservationConfirmed e) {
        ledger.spendHeld(e.reservationId());
        Reservation reservation = reservations.get(e.reservationId());
        if (reservation != null) {
            reservation.confirmed();
        }
    }

    @EventSourcingHandler
    void on(ReservationReleased e) {
        ledger.release(e.reservationId());
        Reservation reservation = reservations.get(e.reservationId());
        if (reservation != null) {
            reservation.released(e.status());
        }
    }

    @EventSourcingHandler
    void on(ExpiringPointsWarned e) {
        warnedExpiries.add(e.expiresAt());
    }

    @EventSourcingHandler
    void on(DuePointsExpired e) {
        ledger.take(e.draws(), 0);
    }

    @EventSourcingHandler
    void on(AdjustmentRecorded e) {
        identify(e.memberId(), e.programId());
        if (e.points() >= 0) {
            ledger.addLot(adjustmentLot(e.adjustmentId()), e.points(), e.debtRepaid(), e.adjustedAt(), e.expiresAt(), true);
        } else {
            ledger.take(e.draws(), e.debtAdded());
        }
        adjustments.put(e.adjustmentId(), e);
    }

    private void identify(MemberId member, String program) {
        if (memberId == null) {
            memberId = member;
            programId = program;
        }
    }

    /** The totals the account would have after {@code change}, worked out on a copy. */
    PointsTotals after(Consumer<LotLedger> change) {
        return after(change, withheldPoints());
    }

    /** The totals after {@code change}, when the change also leaves {@code withheldAfter} points withheld. */
    PointsTotals after(Consumer<LotLedger> change, long withheldAfter) {
        LotLedger copy = ledger.copy();
        change.accept(copy);
        return copy.totals().withWithheld(withheldAfter);
    }

    long withheldPoints() {
        return withheld.values().stream().mapToLong(EarningWithheld::points).sum();
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

    /** The tier in force when an order was paid: changes effective strictly before it (a promotion
     * caused by this very order starts with it and applies to later orders). */
    String tierAt(Instant paidAt) {
        var entry = tierHistory.lowerEntry(paidAt);
        return entry == null ? DEFAULT_TIER : entry.getValue();
    }

    Reservation reservation(String reservationId) {
        Reservation reservation = reservations.get(reservationId);
        if (reservation == null) {
            throw new ReservationNotFoundException(reservationId);
        }
        return reservation;
    }

}

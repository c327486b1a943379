package com.loyaltysuite.tier.membertier;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.tier.policy.QualifyingEntry;
import com.loyaltysuite.tier.policy.QualifyingLedger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member's qualifying orders and the refunds of them (退款冲减), the part of a {@link MemberTier}
 * that counts: an order counts once and only in the ladder's unit, never with a negative amount; a
 * refund counts once (by refund id) and lowers its order, never below zero; a refund that overtook
 * its order (another topic) waits for it and lowers it the moment it is counted. Changed only by the
 * events the member's tier applies; part of its snapshot, which Jackson writes field by field.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class QualifyingOrders {

    private final QualifyingLedger ledger = new QualifyingLedger();

    /** Every refund id seen, applied or still awaiting its order. */
    private final Set<String> refundsCounted = new HashSet<>();

    /** Refunds that overtook their order, by order id, in the order they arrived. */
    private final Map<String, List<RefundAwaitingOrderRecorded>> refundsAwaitingOrder = new LinkedHashMap<>();

    /** Refuses an amount that can never count: another unit than the ladder's, or a negative one. */
    static void requireCountable(OrderId orderId, QualifyingValue amount, String unit) {
        if (!amount.unit().equals(unit)) {
            throw new UnsupportedCurrencyException(amount.unit(), unit);
        }
        if (amount.value().signum() < 0) {
            throw new NegativeOrderAmountException(orderId, amount);
        }
    }

    QualifyingLedger ledger() {
        return ledger;
    }

    boolean counted(OrderId orderId) {
        return ledger.contains(orderId.value());
    }

    boolean refundSeen(String refundId) {
        return refundsCounted.contains(refundId);
    }

    /** The refunds waiting for {@code orderId}, in the order they arrived. */
    List<RefundAwaitingOrderRecorded> awaiting(OrderId orderId) {
        return List.copyOf(refundsAwaitingOrder.getOrDefault(orderId.value(), List.of()));
    }

    /** How much {@code refunded} lowers the counted order: all of it, but never more than is left. */
    QualifyingValue reduction(OrderId orderId, QualifyingValue refunded) {
        var left = ledger.entry(orderId.value()).orElseThrow().value();
        return new QualifyingValue(refunded.value().min(left), refunded.unit());
    }

    void on(QualifyingOrderRecorded event) {
        ledger.add(new QualifyingEntry(
                event.orderId().value(), event.value().value(), event.at(), List.of(event.causationId())));
    }

    void on(QualifyingOrderReduced event) {
        String orderId = event.orderId().value();
        ledger.reduce(orderId, event.reducedBy().value(), event.causationId());
        refundsCounted.add(event.refundId());
        List<RefundAwaitingOrderRecorded> awaiting = refundsAwaitingOrder.get(orderId);
        if (awaiting != null) {
            awaiting.removeIf(refund -> refund.refundId().equals(event.refundId()));
            if (awaiting.isEmpty()) {
                refundsAwaitingOrder.remove(orderId);
            }
        }
    }

    void on(RefundAwaitingOrderRecorded event) {
        refundsCounted.add(event.refundId());
        refundsAwaitingOrder.computeIfAbsent(event.orderId().value(), id -> new ArrayList<>()).add(event);
    }
}

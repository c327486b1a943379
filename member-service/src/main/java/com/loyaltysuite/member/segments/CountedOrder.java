package com.loyaltysuite.member.segments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A paid order as RFM counts it: what was paid, less what was refunded of it so far (by the refunds
 * named). A fully refunded order counts towards neither frequency nor monetary value.
 */
public record CountedOrder(
        String orderId, Instant paidAt, BigDecimal paid, String currency, BigDecimal refunded, List<String> refundIds) {

    public CountedOrder {
        refundIds = refundIds == null ? List.of() : List.copyOf(refundIds);
    }

    public static CountedOrder paid(String orderId, Instant paidAt, BigDecimal paid, String currency) {
        return new CountedOrder(orderId, paidAt, paid, currency, BigDecimal.ZERO, List.of());
    }

    public BigDecimal net() {
        return paid.subtract(refunded).max(BigDecimal.ZERO);
    }

    boolean hasRefund(String refundId) {
        return refundIds.contains(refundId);
    }

    CountedOrder refund(String refundId, BigDecimal amount) {
        List<String> ids = new ArrayList<>(refundIds);
        ids.add(refundId);
        return new CountedOrder(orderId, paidAt, paid, currency, refunded.add(amount), ids);
    }
}

package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import java.time.Instant;

/**
 * Internal: a refund lowered an order's qualifying value by {@code reducedBy} (the refunded amount,
 * but never more than what was left of the order).
 */
public record QualifyingOrderReduced(
        MemberId memberId,
        String programId,
        OrderId orderId,
        String refundId,
        QualifyingValue refunded,
        QualifyingValue reducedBy,
        Instant refundedAt,
        String causationId) {}

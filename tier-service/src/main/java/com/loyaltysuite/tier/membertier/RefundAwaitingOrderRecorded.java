package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import java.time.Instant;

/**
 * Internal: a refund arrived before the order it refunds (refunds and paid orders travel on
 * different topics, so a refund can overtake its order). It is kept on the member's tier and lowers
 * the order's value the moment the order is counted, as a {@link QualifyingOrderReduced}.
 */
public record RefundAwaitingOrderRecorded(
        MemberId memberId,
        String programId,
        OrderId orderId,
        String refundId,
        QualifyingValue refunded,
        Instant refundedAt,
        String causationId) {}

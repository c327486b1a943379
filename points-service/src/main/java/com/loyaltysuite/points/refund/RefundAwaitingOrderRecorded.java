package com.loyaltysuite.points.refund;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;

/** Internal: a refund of an order that earned nothing here (yet); applied if the order comes later. */
public record RefundAwaitingOrderRecorded(
        MemberId memberId,
        String programId,
        OrderId orderId,
        String refundId,
        Money amount,
        Instant refundedAt,
        String causationId) {}

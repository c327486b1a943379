package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;

/**
 * Stored: a refund taken off its order's net spend, and the member's assessment with it. A refund of
 * an order not seen yet waits for it ({@code awaitingOrder}); {@code assessment} is null while the
 * member has no paid order.
 */
public record SegmentRefundRecorded(
        MemberId memberId,
        String programId,
        OrderId orderId,
        String refundId,
        Money amount,
        Instant refundedAt,
        boolean awaitingOrder,
        RfmAssessment assessment,
        String causationId) {}

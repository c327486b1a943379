package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Lower an order's qualifying value by a refund (or the points reversed for it):
 * {@link QualifyingOrderReduced}. Counted once per {@code refundId}. It never demotes: demotion
 * happens only when validity ends. A refund of an order not counted yet (it overtook the order) is
 * kept as {@link RefundAwaitingOrderRecorded} and applied when the order is counted.
 */
public record ReduceQualifyingOrder(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        OrderId orderId,
        String refundId,
        QualifyingValue amount,
        Instant refundedAt,
        String causationId) {}

package com.loyaltysuite.points.refund;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take back the points of the refunded part of an order. Answers a {@link RefundOutcome}. */
public record ReverseRefund(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        OrderId orderId,
        String refundId,
        Money amount,
        Instant refundedAt,
        String causationId) {}

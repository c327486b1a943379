package com.loyaltysuite.events.order;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Programs;
import java.time.Instant;

/**
 * Part or all of a paid order was refunded; {@code amount} is the refunded part, and one order may
 * be refunded several times. Published by the order system on {@code orders.order-refunded.v1};
 * consumed by points-service (reversal) and tier-service (qualifying spend).
 */
public record OrderRefunded(
        String refundId, OrderId orderId, MemberId memberId, String programId, Money amount, Instant refundedAt)
        implements IntegrationEvent {

    public OrderRefunded {
        programId = Programs.orDefault(programId);
    }
}

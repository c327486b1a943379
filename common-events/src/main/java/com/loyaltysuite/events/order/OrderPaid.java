package com.loyaltysuite.events.order;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Programs;
import java.time.Instant;
import java.util.List;

/**
 * A member paid for an order. Published by the order system on {@code orders.order-paid.v1};
 * consumed by points-service (earning), tier-service (qualifying spend) and member-service (RFM).
 * The same order may arrive more than once, with the same or a new event id; it counts once.
 */
public record OrderPaid(
        OrderId orderId,
        MemberId memberId,
        String programId,
        Money amount,
        Instant paidAt,
        String channel,
        List<LineItem> items)
        implements IntegrationEvent {

    public OrderPaid {
        programId = Programs.orDefault(programId);
        items = items == null ? List.of() : List.copyOf(items);
    }
}

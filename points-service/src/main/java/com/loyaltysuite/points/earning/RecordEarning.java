package com.loyaltysuite.points.earning;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Award the points a paid order earns. {@code causationId} is the id of the OrderPaid event. */
public record RecordEarning(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        OrderId orderId,
        Money amount,
        Instant paidAt,
        String channel,
        List<String> categories,
        String causationId) {

    public RecordEarning {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}

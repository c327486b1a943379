package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Count a paid order towards the member's tier. {@code causationId} is the id of the OrderPaid event. */
public record RecordQualifyingOrder(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        OrderId orderId,
        Money amount,
        Instant paidAt,
        String causationId) {}

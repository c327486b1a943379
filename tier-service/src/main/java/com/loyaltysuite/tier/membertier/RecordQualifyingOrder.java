package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Count an order towards the member's tier: its amount paid (basis SPEND) or the points it earned
 * (basis POINTS), at its own business time {@code at} (the paid time). {@code causationId} is the id
 * of the event that reported it.
 */
public record RecordQualifyingOrder(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        OrderId orderId,
        QualifyingValue value,
        Instant at,
        String causationId) {}

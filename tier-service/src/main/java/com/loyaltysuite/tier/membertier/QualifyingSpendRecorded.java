package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;

/**
 * Internal: an order was counted towards the member's tier. {@code qualifyingTotal} is the running
 * total after it, so the read side never has to add up (or re-decide) anything.
 */
public record QualifyingSpendRecorded(
        MemberId memberId,
        String programId,
        OrderId orderId,
        Money amount,
        Money qualifyingTotal,
        Instant paidAt,
        String causationId) {}

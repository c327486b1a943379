package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import java.time.Instant;

/** Internal: an order was counted towards the member's tier, at its own business time {@code at}. */
public record QualifyingOrderRecorded(
        MemberId memberId, String programId, OrderId orderId, QualifyingValue value, Instant at, String causationId) {}

package com.loyaltysuite.tier.status;

import com.loyaltysuite.events.tier.QualifyingValue;
import java.time.Instant;

/** A refund that arrived before its order: not counted yet, it lowers the order the moment the order is counted. */
public record RefundAwaitingOrderView(String orderId, String refundId, QualifyingValue amount, Instant refundedAt) {}

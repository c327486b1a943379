package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;

/** A refund the monitor keeps while a rule's window may still reach it. */
public record MonitoredRefund(String refundId, OrderId orderId, Money amount, Instant refundedAt) {}

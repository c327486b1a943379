package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;

/** A payment the monitor keeps while a rule's window may still reach it. */
public record MonitoredPayment(OrderId orderId, Money amount, Instant paidAt) {}

package com.loyaltysuite.points.earning;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The pending period of an order's points ended at {@code at} (its due date). */
public record MakePointsAvailable(@TargetAggregateIdentifier MemberId memberId, OrderId orderId, Instant at) {}

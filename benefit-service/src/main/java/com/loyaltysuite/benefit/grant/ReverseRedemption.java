package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reverse the redemption {@code requestId} (its order was refunded). Answered with a {@link Redemption}. */
public record ReverseRedemption(@TargetAggregateIdentifier MemberId memberId, String requestId, String reason, Instant at) {}

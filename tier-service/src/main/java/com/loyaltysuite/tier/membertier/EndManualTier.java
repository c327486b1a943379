package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End the manual tier in force. Either support ends it early ({@code operatorId} set), or its end
 * date came ({@code expiredUntil} = the end date the timer was set for; stale if it has changed).
 */
public record EndManualTier(
        @TargetAggregateIdentifier MemberId memberId, String operatorId, Instant at, Instant expiredUntil) {}

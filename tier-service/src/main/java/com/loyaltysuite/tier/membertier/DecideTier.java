package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A validity end (or grace end) due at {@code dueAt} has come. Does nothing when the member's
 * validity has meanwhile moved: the timer that sent it is stale.
 */
public record ReevaluateTier(@TargetAggregateIdentifier MemberId memberId, Instant dueAt) {}

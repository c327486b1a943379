package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A validity end (or grace end) due at {@code dueAt} has come: decide whether the earned tier is
 * kept, held for a grace period or lost ({@link TierDecided}). Does nothing when the member's
 * validity has meanwhile moved: the timer that sent it is stale.
 */
public record DecideTier(@TargetAggregateIdentifier MemberId memberId, Instant dueAt) {}

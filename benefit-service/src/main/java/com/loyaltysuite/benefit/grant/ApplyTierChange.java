package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.TierChangeReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member's tier changed (tier-service's {@code TierChanged}): their standing benefits follow it, and a
 * promotion may bring the tier's upgrade pack. {@code effectiveAt} is the change's business time,
 * {@code validUntil} the end of the new tier's validity period; {@code causationId} the event's id.
 */
public record ApplyTierChange(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        String fromTier,
        String toTier,
        TierChangeReason reason,
        Instant effectiveAt,
        Instant validUntil,
        String causationId) {}

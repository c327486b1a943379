package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Assess whether the member's tier is at risk: short of retention for the validity ending at
 * {@code validUntil}. If so, {@link TierAtRiskAssessed} warns them; otherwise nothing happens.
 */
public record AssessTierAtRisk(@TargetAggregateIdentifier MemberId memberId, Instant validUntil, Instant assessedAt) {}

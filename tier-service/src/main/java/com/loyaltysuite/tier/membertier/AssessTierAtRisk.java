package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Warn the member if they are short of retention for the validity ending at {@code validUntil}. */
public record AssessTierRisk(@TargetAggregateIdentifier MemberId memberId, Instant validUntil, Instant assessedAt) {}

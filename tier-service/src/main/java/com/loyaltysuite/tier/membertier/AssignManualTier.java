package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Support assigns {@code tier} until {@code until}, replacing any assignment in force. {@code at} is now. */
public record AssignManualTier(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        String tier,
        ManualMode mode,
        String reason,
        String operatorId,
        Instant until,
        Instant at) {}

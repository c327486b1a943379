package com.loyaltysuite.points.expiry;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Warn the member, at {@code at}, of the unspent points that expire at {@code expiresAt}. */
public record WarnOfExpiringPoints(@TargetAggregateIdentifier MemberId memberId, Instant expiresAt, Instant at) {}

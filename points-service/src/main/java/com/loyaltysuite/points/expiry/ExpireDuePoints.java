package com.loyaltysuite.points.expiry;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Expire every unspent point whose expiry instant is at or before {@code at}. */
public record ExpireDuePoints(@TargetAggregateIdentifier MemberId memberId, Instant at) {}

package com.loyaltysuite.points.redemption;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A reservation's time ran out at {@code at}; if it is still open its points go back. */
public record ExpireReservation(@TargetAggregateIdentifier MemberId memberId, String reservationId, Instant at) {}

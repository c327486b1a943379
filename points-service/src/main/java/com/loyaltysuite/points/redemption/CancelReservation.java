package com.loyaltysuite.points.redemption;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The checkout was abandoned: give the reserved points back. Answers a {@link ReservationView}. */
public record CancelReservation(@TargetAggregateIdentifier MemberId memberId, String reservationId, Instant at) {}

package com.loyaltysuite.points.redemption;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The checkout completed: spend the reserved points. Answers a {@link ReservationView}. */
public record ConfirmReservation(@TargetAggregateIdentifier MemberId memberId, String reservationId, Instant at) {}

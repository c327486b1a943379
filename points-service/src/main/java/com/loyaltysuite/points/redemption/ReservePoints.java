package com.loyaltysuite.points.redemption;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hold available points for a checkout. {@code reservationId} is the caller's request id: the same
 * request again answers the same reservation. Answers a {@link ReservationView}.
 */
public record ReservePoints(
        @TargetAggregateIdentifier MemberId memberId, String reservationId, String orderId, long points, Instant requestedAt) {}

package com.loyaltysuite.points.adjustment;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Support staff add (positive) or remove (negative) points. {@code adjustmentId} is the caller's
 * request id: the same request again changes nothing. Answers an {@link AdjustmentView}.
 */
public record AdjustPoints(
        @TargetAggregateIdentifier MemberId memberId,
        String adjustmentId,
        long points,
        String reason,
        String operatorId,
        Instant adjustedAt) {

    /** Whether this asks for what {@code earlier}, recorded under the same request id, did. */
    public boolean repeats(AdjustmentRecorded earlier) {
        return earlier.points() == points && earlier.reason().equals(reason) && earlier.operatorId().equals(operatorId);
    }
}

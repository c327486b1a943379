package com.loyaltysuite.points.adjustment;

import java.time.Instant;

/** An adjustment as recorded, with the balance it left. */
public record AdjustmentView(
        String adjustmentId,
        String memberId,
        long points,
        String reason,
        String operatorId,
        Instant adjustedAt,
        long balanceAfter) {

    public static AdjustmentView of(AdjustmentRecorded a) {
        return new AdjustmentView(
                a.adjustmentId(), a.memberId().value(), a.points(), a.reason(), a.operatorId(), a.adjustedAt(), a.totals().balance());
    }
}

package com.loyaltysuite.points.account;

import java.time.Instant;

/** An adjustment as recorded, with the balance it left. */
public record AdjustmentView(
        String adjustmentId,
        String memberId,
        long points,
        String reason,
        String operatorId,
        Instant adjustedAt,
        long balanceAfter) {}

package com.loyaltysuite.points.standing;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.account.LotDraw;
import com.loyaltysuite.points.account.PointsTotals;
import java.time.Instant;
import java.util.List;

/**
 * Internal: the membership was closed under the {@code expire-all} rule, so every unspent, unreserved
 * point ({@code draws}) and every withheld point ({@code withheldForfeited}) is gone. Published as
 * {@code PointsExpired} with {@code points} (the withheld ones were never published as earned).
 */
public record PointsForfeited(
        MemberId memberId,
        String programId,
        long points,
        List<LotDraw> draws,
        long withheldForfeited,
        String reason,
        Instant forfeitedAt,
        PointsTotals totals) {}

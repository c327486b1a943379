package com.loyaltysuite.points.account;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.util.List;

/**
 * Internal: support staff added or removed points. An addition is a new lot (available at once,
 * expiring at {@code expiresAt}, repaying {@code debtRepaid}); a removal takes {@code draws} from
 * lots and {@code debtAdded} beyond them.
 */
public record PointsAdjusted(
        MemberId memberId,
        String programId,
        String adjustmentId,
        long points,
        String reason,
        String operatorId,
        Instant adjustedAt,
        Instant expiresAt,
        long debtRepaid,
        List<LotDraw> draws,
        long debtAdded,
        PointsTotals totals) {}

package com.loyaltysuite.points.adjustment;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.account.LotDraw;
import com.loyaltysuite.points.account.PointsTotals;
import java.time.Instant;
import java.util.List;

/**
 * Internal: support staff added or removed points. An addition is a new lot (available at once,
 * expiring at {@code expiresAt}, repaying {@code debtRepaid}); a removal takes {@code draws} from
 * lots and {@code debtAdded} beyond them.
 */
public record AdjustmentRecorded(
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
        PointsTotals totals) {

    /** What {@code command} did: a new lot, or draws from lots and debt, and the totals it left. */
    public static AdjustmentRecorded of(
            AdjustPoints command,
            String programId,
            Instant expiresAt,
            long debtRepaid,
            List<LotDraw> draws,
            long debtAdded,
            PointsTotals totals) {
        return new AdjustmentRecorded(
                command.memberId(),
                programId,
                command.adjustmentId(),
                command.points(),
                command.reason(),
                command.operatorId(),
                command.adjustedAt(),
                expiresAt,
                debtRepaid,
                draws,
                debtAdded,
                totals);
    }
}

package com.loyaltysuite.points.expiry;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.account.LotDraw;
import com.loyaltysuite.points.account.PointsTotals;
import java.time.Instant;
import java.util.List;

/** Internal: the unspent points of lots that reached their expiry instant are gone. */
public record DuePointsExpired(
        MemberId memberId, String programId, long points, List<LotDraw> draws, Instant expiredAt, PointsTotals totals) {}

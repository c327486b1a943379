package com.loyaltysuite.points.account;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.util.List;

/** Internal: the unspent points of lots that reached their expiry instant are gone. */
public record PointsExpired(
        MemberId memberId, String programId, long points, List<LotDraw> draws, Instant expiredAt, PointsTotals totals) {}

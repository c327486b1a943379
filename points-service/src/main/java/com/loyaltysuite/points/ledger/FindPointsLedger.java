package com.loyaltysuite.points.ledger;

import com.loyaltysuite.events.MemberId;

/** Query: one page of a member's ledger, newest first. Answered with a {@link PointsLedgerView}, or none. */
public record FindPointsLedger(MemberId memberId, int page, int size) {}

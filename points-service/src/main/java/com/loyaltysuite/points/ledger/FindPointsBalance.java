package com.loyaltysuite.points.ledger;

import com.loyaltysuite.events.MemberId;

/** Query: a member's points balance. Answered with a {@link PointsBalanceView}, or none. */
public record FindPointsBalance(MemberId memberId) {}

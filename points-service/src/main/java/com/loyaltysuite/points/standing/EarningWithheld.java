package com.loyaltysuite.points.standing;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.points.account.PointsTotals;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Internal: an order paid while the member was not active earned nothing yet: the points it would have
 * earned, decided as usual and recorded with what they were based on, are withheld. They are released
 * (as an ordinary earning) when a frozen member is unfrozen, and forfeited when the membership is
 * closed under the {@code expire-all} rule. {@code totals.withheld()} is what the account withholds after it.
 */
public record EarningWithheld(
        MemberId memberId,
        String programId,
        OrderId orderId,
        long points,
        long basePoints,
        BigDecimal multiplier,
        String tier,
        String ruleVersion,
        String promotionId,
        Money orderAmount,
        Instant paidAt,
        Instant availableAt,
        Instant expiresAt,
        MemberStatus status,
        String causationId,
        PointsTotals totals) {}

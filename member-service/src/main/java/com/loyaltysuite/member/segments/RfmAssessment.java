package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmScore;
import com.loyaltysuite.events.segment.RfmSegment;
import java.time.Instant;

/**
 * A recorded decision: a member's R, F and M values and scores at {@code assessedAt} (frequency and
 * monetary value count the orders paid after {@code windowStart}), the group and stage they give, why,
 * under which policy version, and when time alone will next change them ({@code nextAssessmentAt},
 * null if never).
 */
public record RfmAssessment(
        Instant assessedAt,
        Instant windowStart,
        int recencyDays,
        int frequency,
        Money monetary,
        RfmScore recencyScore,
        RfmScore frequencyScore,
        RfmScore monetaryScore,
        RfmSegment segment,
        LifecycleStage stage,
        Instant firstPaidAt,
        Instant lastPaidAt,
        String reason,
        String policyVersion,
        Instant nextAssessmentAt) {}

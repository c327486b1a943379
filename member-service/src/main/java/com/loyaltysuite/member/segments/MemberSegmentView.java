package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmScore;
import com.loyaltysuite.events.segment.RfmSegment;
import java.time.Instant;

/**
 * A member's segment as of their last assessment ({@code assessedAt}): R as whole days since the last
 * paid order, F as paid orders and M as net spend in the window, each score, the group (code and
 * Chinese name), the lifecycle stage, and the reason in words. The member is assessed again at each
 * order and refund and whenever time alone crosses a threshold ({@code nextAssessmentAt}).
 */
public record MemberSegmentView(
        MemberId memberId,
        String programId,
        RfmSegment segment,
        String segmentName,
        LifecycleStage stage,
        Values values,
        Scores scores,
        String reason,
        Instant firstPaidAt,
        Instant lastPaidAt,
        String policyVersion,
        Instant assessedAt,
        Instant nextAssessmentAt) {

    /** R, F and M. */
    public record Values(int recencyDays, int frequency, Money monetary) {}

    /** HIGH or LOW on each dimension. */
    public record Scores(RfmScore recency, RfmScore frequency, RfmScore monetary) {}
}

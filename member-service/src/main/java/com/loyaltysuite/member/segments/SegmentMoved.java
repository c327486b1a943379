package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmSegment;
import java.util.List;

/**
 * Stored: the member moved to another RFM group or lifecycle stage (or got their first). Published as
 * the contract's {@code MemberSegmentChanged} on the compacted {@code loyalty.member-segments.v1}.
 * {@code fromSegment} and {@code fromStage} are null for the first assessment.
 */
public record SegmentMoved(
        MemberId memberId,
        String programId,
        RfmSegment fromSegment,
        LifecycleStage fromStage,
        RfmAssessment assessment,
        List<String> causationIds) {

    public SegmentMoved {
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }
}

package com.loyaltysuite.member.messaging;

import com.loyaltysuite.events.segment.MemberSegmentChanged;
import com.loyaltysuite.member.segments.RfmAssessment;
import com.loyaltysuite.member.segments.SegmentMoved;

/** A move of a member's segment as the contract's {@code MemberSegmentChanged}; the relay sends it to {@code loyalty.member-segments.v1}. */
final class SegmentContract {

    private SegmentContract() {}

    static MemberSegmentChanged memberSegmentChanged(SegmentMoved e) {
        RfmAssessment a = e.assessment();
        return new MemberSegmentChanged(
                e.memberId(),
                e.programId(),
                a.segment(),
                a.segment().chineseName(),
                e.fromSegment(),
                a.stage(),
                e.fromStage(),
                a.recencyDays(),
                a.frequency(),
                a.monetary(),
                a.recencyScore(),
                a.frequencyScore(),
                a.monetaryScore(),
                a.reason(),
                a.policyVersion(),
                a.assessedAt(),
                e.causationIds());
    }
}

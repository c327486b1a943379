package com.loyaltysuite.member.timers;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.member.segments.RfmAssessment;
import com.loyaltysuite.member.segments.SegmentOrderRecorded;
import com.loyaltysuite.member.segments.SegmentReassessed;
import com.loyaltysuite.member.segments.SegmentRefundRecorded;
import com.loyaltysuite.support.timers.DueTimers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Sets each member's {@link MemberTimers} in the transaction of the decision that creates them (a
 * subscribing processing group): after every RFM assessment, the member's one reassessment timer is
 * set to the assessment's next crossing, or removed when time alone can change nothing more.
 */
@Component
@ProcessingGroup(MemberTimerScheduler.PROCESSING_GROUP)
class MemberTimerScheduler {

    static final String PROCESSING_GROUP = "member-timers";
    private static final String SEGMENT_TIMER_ID = "rfm";

    private final DueTimers timers;

    MemberTimerScheduler(DueTimers timers) {
        this.timers = timers;
    }

    @EventHandler
    void on(SegmentOrderRecorded event) {
        reassessAfter(event.memberId(), event.assessment());
    }

    @EventHandler
    void on(SegmentRefundRecorded event) {
        if (event.assessment() != null) {
            reassessAfter(event.memberId(), event.assessment());
        }
    }

    @EventHandler
    void on(SegmentReassessed event) {
        reassessAfter(event.memberId(), event.assessment());
    }

    private void reassessAfter(MemberId member, RfmAssessment assessment) {
        if (assessment.nextAssessmentAt() == null) {
            timers.cancel(MemberTimers.SEGMENT_REASSESSMENT, member, SEGMENT_TIMER_ID);
        } else {
            timers.schedule(
                    MemberTimers.SEGMENT_REASSESSMENT,
                    member,
                    SEGMENT_TIMER_ID,
                    assessment.nextAssessmentAt(),
                    new MemberTimers.Reassessment(assessment.nextAssessmentAt()));
        }
    }
}

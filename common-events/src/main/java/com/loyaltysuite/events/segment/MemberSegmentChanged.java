package com.loyaltysuite.events.segment;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import java.time.Instant;
import java.util.List;

/**
 * A member moved to another RFM group or lifecycle stage. Published by member-service on the
 * compacted topic {@code loyalty.member-segments.v1}, so the latest record per member id is their
 * segment now; marketing and other teams' campaign tools consume it. The values are those of the
 * assessment that moved the member, at {@code changedAt}: {@code recencyDays} since the last paid
 * order, {@code frequency} paid orders and {@code monetary} net spend within the programme's window.
 * {@code previousSegment} and {@code previousStage} are null for a member's first assessment.
 * {@code causationIds} are the CloudEvent ids of the order events that led to it (none when time
 * alone moved the member).
 */
public record MemberSegmentChanged(
        MemberId memberId,
        String programId,
        RfmSegment segment,
        String segmentName,
        RfmSegment previousSegment,
        LifecycleStage stage,
        LifecycleStage previousStage,
        int recencyDays,
        int frequency,
        Money monetary,
        RfmScore recencyScore,
        RfmScore frequencyScore,
        RfmScore monetaryScore,
        String reason,
        String policyVersion,
        Instant changedAt,
        List<String> causationIds)
        implements IntegrationEvent {

    public MemberSegmentChanged {
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }
}

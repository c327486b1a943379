package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Time alone may have moved the member (their timer fired): assess them again at {@code at}. Ignored
 * unless {@code at} is the next assessment the segment is waiting for.
 */
public record ReassessSegment(MemberId memberId, Instant at) {

    @TargetAggregateIdentifier
    public String segmentId() {
        return MemberSegment.idOf(memberId);
    }
}

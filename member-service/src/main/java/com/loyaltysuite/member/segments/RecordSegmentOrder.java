package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Count a paid order towards the member's RFM segment; answered with {@link SegmentOrderRecorded}s. */
public record RecordSegmentOrder(
        MemberId memberId, String programId, OrderId orderId, Money amount, Instant paidAt, String causationId) {

    @TargetAggregateIdentifier
    public String segmentId() {
        return MemberSegment.idOf(memberId);
    }
}

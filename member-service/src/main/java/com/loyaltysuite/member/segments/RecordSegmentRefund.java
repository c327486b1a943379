package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a refund off its order's net spend; recorded as a {@link SegmentRefundRecorded}. */
public record RecordSegmentRefund(
        MemberId memberId,
        String programId,
        OrderId orderId,
        String refundId,
        Money amount,
        Instant refundedAt,
        String causationId) {

    @TargetAggregateIdentifier
    public String segmentId() {
        return MemberSegment.idOf(memberId);
    }
}

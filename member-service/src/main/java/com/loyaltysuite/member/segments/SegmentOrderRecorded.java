package com.loyaltysuite.member.segments;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;

/** Stored: a paid order counted for RFM, and the member's assessment with it. */
public record SegmentOrderRecorded(
        MemberId memberId,
        String programId,
        OrderId orderId,
        Money amount,
        Instant paidAt,
        RfmAssessment assessment,
        String causationId) {}

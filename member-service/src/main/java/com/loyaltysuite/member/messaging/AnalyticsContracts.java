package com.loyaltysuite.member.messaging;

import com.loyaltysuite.events.anomaly.AnomalyDetected;
import com.loyaltysuite.events.segment.MemberSegmentChanged;
import com.loyaltysuite.member.anomalies.AnomalyRecorded;
import com.loyaltysuite.member.segments.RfmAssessment;
import com.loyaltysuite.member.segments.SegmentMoved;

/**
 * The analytics events as contracts: a segment move as {@code MemberSegmentChanged} (to
 * {@code loyalty.member-segments.v1}), a detected anomaly as {@code AnomalyDetected} (to
 * {@code loyalty.anomalies.v1}); the relay picks the topic by contract type.
 */
final class AnalyticsContracts {

    private AnalyticsContracts() {}

    static AnomalyDetected anomalyDetected(AnomalyRecorded e) {
        return new AnomalyDetected(
                e.memberId(),
                e.programId(),
                e.rule(),
                e.windowStart(),
                e.windowEnd(),
                e.orderIds(),
                e.observed(),
                e.threshold(),
                e.unit(),
                e.description(),
                e.detectedAt(),
                e.causationIds());
    }

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

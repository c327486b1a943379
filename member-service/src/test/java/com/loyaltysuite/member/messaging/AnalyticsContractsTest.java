package com.loyaltysuite.member.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.anomaly.AnomalyDetected;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.codec.EventSchemas;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.MemberSegmentChanged;
import com.loyaltysuite.events.segment.RfmSegment;
import com.loyaltysuite.member.anomalies.AnomalyRecorded;
import com.loyaltysuite.member.segments.CountedOrder;
import com.loyaltysuite.member.segments.RfmAssessment;
import com.loyaltysuite.member.segments.RfmPolicy;
import com.loyaltysuite.member.segments.SegmentMoved;
import com.loyaltysuite.member.segments.SegmentOrderRecorded;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analytics events other teams see: a segment move as {@code MemberSegmentChanged} and a detected
 * anomaly as {@code AnomalyDetected}, each valid against its schema, on its topic, and read back
 * unchanged. Everything else the segments and the monitor record stays inside.
 */
class AnalyticsContractsTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00.123Z");

    final IntegrationEventMappings mapper = new MemberEventMapper().memberEvents();

    @Test
    void aSegmentMoveIsPublishedAsMemberSegmentChangedOnTheCompactedTopic() throws IOException {
        RfmAssessment assessment = RfmPolicy.defaults().assess(
                List.of(CountedOrder.paid("O-1", AT.minus(Duration.ofDays(100)), new BigDecimal("1500"), "CNY")),
                AT.minus(Duration.ofDays(100)),
                AT.minus(Duration.ofDays(100)),
                AT);
        var moved = new SegmentMoved(
                MEMBER, "default", RfmSegment.IMPORTANT_DEEPEN, LifecycleStage.ACTIVE, assessment, List.of());

        IntegrationEvent event = publishedAs(moved, EventType.MEMBER_SEGMENT_CHANGED);

        assertThat(EventType.MEMBER_SEGMENT_CHANGED.topic()).isEqualTo("loyalty.member-segments.v1");
        assertThat(event).isInstanceOfSatisfying(MemberSegmentChanged.class, e -> {
            assertThat(e.segment()).isEqualTo(RfmSegment.IMPORTANT_RETAIN);
            assertThat(e.segmentName()).isEqualTo("重点挽留高价值客户");
            assertThat(e.previousSegment()).isEqualTo(RfmSegment.IMPORTANT_DEEPEN);
            assertThat(e.stage()).isEqualTo(LifecycleStage.DORMANT);
            assertThat(e.recencyDays()).isEqualTo(100);
            assertThat(e.monetary().value()).isEqualByComparingTo("1500");
            assertThat(e.changedAt()).isEqualTo(AT);
            assertThat(e.reason()).isEqualTo(assessment.reason());
        });
    }

    @Test
    void aFirstAssessmentHasNoPreviousSegmentAndStillSatisfiesTheSchema() throws IOException {
        RfmAssessment assessment = RfmPolicy.defaults().assess(
                List.of(CountedOrder.paid("O-1", AT, new BigDecimal("10"), "CNY")), AT, AT, AT);

        assertThat(publishedAs(new SegmentMoved(MEMBER, "default", null, null, assessment, List.of("ev-1")), EventType.MEMBER_SEGMENT_CHANGED))
                .isInstanceOfSatisfying(MemberSegmentChanged.class, e -> {
                    assertThat(e.previousSegment()).isNull();
                    assertThat(e.previousStage()).isNull();
                    assertThat(e.causationIds()).containsExactly("ev-1");
                });
    }

    @Test
    void aRecordedAnomalyIsPublishedAsAnomalyDetected() throws IOException {
        var recorded = new AnomalyRecorded(
                MEMBER,
                "default",
                AnomalyRule.NIGHT_PAYMENT,
                AT,
                AT.plus(Duration.ofHours(3)),
                List.of(OrderId.of("O-1")),
                "03:12",
                "02:00-05:00",
                "local-time",
                "A payment at 03:12 Asia/Shanghai, inside the watched hours 02:00-05:00",
                AT,
                List.of("ev-1"));

        assertThat(publishedAs(recorded, EventType.ANOMALY_DETECTED))
                .isEqualTo(new AnomalyDetected(
                        MEMBER,
                        "default",
                        AnomalyRule.NIGHT_PAYMENT,
                        AT,
                        AT.plus(Duration.ofHours(3)),
                        List.of(OrderId.of("O-1")),
                        "03:12",
                        "02:00-05:00",
                        "local-time",
                        "A payment at 03:12 Asia/Shanghai, inside the watched hours 02:00-05:00",
                        AT,
                        List.of("ev-1")));
    }

    @Test
    void assessmentsAndMonitoredPaymentsStayInside() {
        RfmAssessment assessment = RfmPolicy.defaults().assess(
                List.of(CountedOrder.paid("O-1", AT, new BigDecimal("10"), "CNY")), AT, AT, AT);

        assertThat(mapper.toIntegrationEvent(new SegmentOrderRecorded(
                        MEMBER, "default", OrderId.of("O-1"), com.loyaltysuite.events.Money.of("10", "CNY"), AT, assessment, "e")))
                .isEmpty();
    }

    private IntegrationEvent publishedAs(Object recorded, EventType type) throws IOException {
        IntegrationEvent event = mapper.toIntegrationEvent(recorded).orElseThrow();
        byte[] json = CloudEventCodec.toJson(event);
        assertThat(EventType.of(event.getClass())).isEqualTo(type);
        assertThat(EventSchemas.violations(type, EventJson.mapper().readTree(json))).isEmpty();
        return CloudEventCodec.parseData(type, json);
    }
}

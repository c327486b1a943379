package com.loyaltysuite.member.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmSegment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberSegmentTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Instant PAID = NOW.minus(Duration.ofDays(5));

    final RfmPolicy policy = RfmPolicy.defaults();
    AggregateTestFixture<MemberSegment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberSegment.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(policy);
    }

    @Test
    void aFirstOrderIsAssessedAndIsAMove() {
        RfmAssessment assessment = assessment(NOW, "1500", "0");

        fixture.givenNoPriorActivity()
                .when(order("O-1", "1500", PAID, "ev-1"))
                .expectEvents(
                        new SegmentOrderRecorded(MEMBER, "default", OrderId.of("O-1"), cny("1500"), PAID, assessment, "ev-1"),
                        new SegmentMoved(MEMBER, "default", null, null, assessment, List.of("ev-1")));
        assertThat(assessment.segment()).isEqualTo(RfmSegment.IMPORTANT_DEEPEN);
        assertThat(assessment.stage()).isEqualTo(LifecycleStage.NEW);
    }

    @Test
    void anOrderThatLeavesGroupAndStageAsTheyWereIsNoMove() {
        RfmAssessment first = assessment(NOW, "1500", "0");

        fixture.given(
                        new SegmentOrderRecorded(MEMBER, "default", OrderId.of("O-1"), cny("1500"), PAID, first, "ev-1"),
                        new SegmentMoved(MEMBER, "default", null, null, first, List.of("ev-1")))
                .when(order("O-2", "10", NOW.minus(Duration.ofDays(1)), "ev-2"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(SegmentOrderRecorded.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aResentOrderCountsOnce() {
        RfmAssessment first = assessment(NOW, "1500", "0");

        fixture.given(new SegmentOrderRecorded(MEMBER, "default", OrderId.of("O-1"), cny("1500"), PAID, first, "ev-1"))
                .when(order("O-1", "1500", PAID, "ev-again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRefundLowersSpendAndCanMoveTheMember() {
        RfmAssessment first = assessment(NOW, "1500", "0");
        RfmAssessment after = assessment(NOW, "1500", "600");

        fixture.given(
                        new SegmentOrderRecorded(MEMBER, "default", OrderId.of("O-1"), cny("1500"), PAID, first, "ev-1"),
                        new SegmentMoved(MEMBER, "default", null, null, first, List.of("ev-1")))
                .when(new RecordSegmentRefund(MEMBER, "default", OrderId.of("O-1"), "R-1", cny("600"), NOW, "ev-2"))
                .expectEvents(
                        new SegmentRefundRecorded(
                                MEMBER, "default", OrderId.of("O-1"), "R-1", cny("600"), NOW, false, after, "ev-2"),
                        new SegmentMoved(MEMBER, "default", RfmSegment.IMPORTANT_DEEPEN, LifecycleStage.NEW, after, List.of("ev-2")));
        assertThat(after.segment()).isEqualTo(RfmSegment.NEW);
    }

    @Test
    void aRefundBeforeItsOrderWaitsAndIsAppliedWhenTheOrderComes() {
        RfmAssessment netted = assessment(NOW, "1500", "600");

        fixture.given(new SegmentRefundRecorded(
                        MEMBER, "default", OrderId.of("O-1"), "R-1", cny("600"), PAID, true, null, "ev-1"))
                .when(order("O-1", "1500", PAID, "ev-2"))
                .expectEvents(
                        new SegmentOrderRecorded(MEMBER, "default", OrderId.of("O-1"), cny("1500"), PAID, netted, "ev-2"),
                        new SegmentMoved(MEMBER, "default", null, null, netted, List.of("ev-2")));
    }

    @Test
    void timeAloneMovesTheMemberAtTheCrossingTheSegmentWaitsFor() {
        RfmAssessment first = assessment(NOW, "1500", "0");
        Instant crossing = first.nextAssessmentAt();
        RfmAssessment later = policy.assess(List.of(counted("1500", "0")), PAID, PAID, crossing);

        fixture.given(
                        new SegmentOrderRecorded(MEMBER, "default", OrderId.of("O-1"), cny("1500"), PAID, first, "ev-1"),
                        new SegmentMoved(MEMBER, "default", null, null, first, List.of("ev-1")))
                .when(new ReassessSegment(MEMBER, crossing))
                .expectEvents(
                        new SegmentReassessed(MEMBER, "default", later),
                        new SegmentMoved(MEMBER, "default", RfmSegment.IMPORTANT_DEEPEN, LifecycleStage.NEW, later, List.of()));
        assertThat(later.stage()).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void aTimerBeforeTheCrossingTheSegmentWaitsForChangesNothing() {
        RfmAssessment first = assessment(NOW, "1500", "0");

        fixture.given(new SegmentOrderRecorded(MEMBER, "default", OrderId.of("O-1"), cny("1500"), PAID, first, "ev-1"))
                .when(new ReassessSegment(MEMBER, first.nextAssessmentAt().minusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private RfmAssessment assessment(Instant at, String paid, String refunded) {
        return policy.assess(List.of(counted(paid, refunded)), PAID, PAID, at);
    }

    private static CountedOrder counted(String paid, String refunded) {
        CountedOrder order = CountedOrder.paid("O-1", PAID, new BigDecimal(paid), "CNY");
        return new BigDecimal(refunded).signum() == 0 ? order : order.refund("R-1", new BigDecimal(refunded));
    }

    private static RecordSegmentOrder order(String orderId, String amount, Instant paidAt, String eventId) {
        return new RecordSegmentOrder(MEMBER, "default", OrderId.of(orderId), cny(amount), paidAt, eventId);
    }

    private static Money cny(String value) {
        return Money.of(value, "CNY");
    }
}

package com.loyaltysuite.tier.membertier;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.RegainTarget;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.tier.ladder.Ladders;
import com.loyaltysuite.tier.policy.DecisionKind;
import com.loyaltysuite.tier.policy.DemotionPolicy;
import com.loyaltysuite.tier.policy.QualifyingBasis;
import com.loyaltysuite.tier.policy.QualifyingWindow;
import com.loyaltysuite.tier.policy.TierPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of the MemberTier aggregate, given commands (or events), when a command, then the events. */
class MemberTierTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant DAY_1 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant DAY_2 = Instant.parse("2026-11-24T09:30:00Z");
    static final Instant YEAR_ON = Instant.parse("2027-11-23T10:00:00Z");

    AggregateTestFixture<MemberTier> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(policy(Ladders.standard()));
    }

    static AggregateTestFixture<MemberTier> fixtureWith(TierPolicy policy) {
        AggregateTestFixture<MemberTier> fixture = new AggregateTestFixture<>(MemberTier.class);
        fixture.registerInjectableResource(policy);
        return fixture;
    }

    @Test
    void aFirstOrderBelowTheFirstThresholdIsRecordedAndTheMemberStandsAtTheEntryTier() {
        List<Object> events = events(fixture.givenNoPriorActivity().when(order("O-1", "499.99", DAY_1)));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new QualifyingOrderRecorded(
                MEMBER, "default", OrderId.of("O-1"), cny("499.99"), DAY_1, "evt-O-1"));
        assertThat(events.get(1)).isInstanceOfSatisfying(MemberTierUpdated.class, updated -> {
            assertThat(updated.tier()).isEqualTo("MEMBER");
            assertThat(updated.since()).isEqualTo(DAY_1);
            assertThat(updated.validUntil()).isNull();
            assertThat(updated.qualifyingValue()).isEqualTo(cny("499.99"));
            assertThat(updated.manual()).isNull();
        });
    }

    @Test
    void reachingAThresholdExactlyPromotesAsOfThePaidTime() {
        List<Object> events = events(fixture.givenCommands(order("O-1", "300.00", DAY_1)).when(order("O-2", "200.00", DAY_2)));

        assertThat(events).extracting(Object::getClass).containsExactly(
                QualifyingOrderRecorded.class, TierDecided.class, TierInForceChanged.class, MemberTierUpdated.class);
        assertThat(events.get(2)).isEqualTo(new TierInForceChanged(
                MEMBER,
                "default",
                "MEMBER",
                "SILVER",
                TierChangeReason.QUALIFIED,
                cny("500.00"),
                "ladder-v1",
                DAY_2,
                Instant.parse("2027-11-24T09:30:00Z"),
                List.of("evt-O-1", "evt-O-2")));
        assertThat(events.get(1)).isInstanceOfSatisfying(TierDecided.class, decided -> {
            assertThat(decided.kind()).isEqualTo(DecisionKind.PROMOTED);
            assertThat(decided.window().from()).isEqualTo(Instant.parse("2025-11-24T09:30:00Z"));
            assertThat(decided.window().to()).isEqualTo(DAY_2);
            assertThat(decided.policyVersion()).isEqualTo("ladder-v1");
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(MemberTierUpdated.class, updated -> {
            assertThat(updated.tier()).isEqualTo("SILVER");
            assertThat(updated.since()).isEqualTo(DAY_2);
            assertThat(updated.validUntil()).isEqualTo(Instant.parse("2027-11-24T09:30:00Z"));
        });
    }

    @Test
    void skippingTiersIsOneChangeStraightToTheTierReached() {
        List<Object> events = events(fixture.givenCommands(order("O-1", "300.00", DAY_1)).when(order("O-2", "5700.00", DAY_2)));

        List<TierInForceChanged> changes = only(events, TierInForceChanged.class);
        assertThat(changes).singleElement().satisfies(changed -> {
            assertThat(changed.fromTier()).isEqualTo("MEMBER");
            assertThat(changed.toTier()).isEqualTo("DIAMOND");
            assertThat(changed.qualifyingValue()).isEqualTo(cny("6000.00"));
        });
    }

    @Test
    void moreSpendWithinTheTierHeldOnlyRecordsTheOrder() {
        fixture.givenCommands(order("O-1", "600.00", DAY_1))
                .when(order("O-2", "100.00", DAY_2))
                .expectEvents(new QualifyingOrderRecorded(MEMBER, "default", OrderId.of("O-2"), cny("100.00"), DAY_2, "evt-O-2"));
    }

    @Test
    void theSameOrderCountsOnceWhateverItsEventId() {
        fixture.givenCommands(order("O-1", "400.00", DAY_1))
                .when(new RecordQualifyingOrder(MEMBER, "default", OrderId.of("O-1"), cny("400.00"), DAY_1, "evt-again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOrderInAnotherCurrencyOrWithANegativeAmountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordQualifyingOrder(
                        MEMBER, "default", OrderId.of("O-9"), new QualifyingValue(new BigDecimal("600.00"), "USD"), DAY_1, "e"))
                .expectException(UnsupportedCurrencyException.class)
                .expectExceptionMessage("Orders in USD do not count towards tiers; the ladder counts CNY")
                .expectNoEvents();
        fixture.givenCommands(order("O-1", "600.00", DAY_1))
                .when(order("O-2", "-100.00", DAY_2))
                .expectException(NegativeOrderAmountException.class)
                .expectNoEvents();
    }

    @Test
    void aRefundLowersTheValueButNeverDemotesAtOnce() {
        fixture.givenCommands(order("O-1", "600.00", DAY_1))
                .when(refund("O-1", "R-1", "200.00"))
                .expectEvents(new QualifyingOrderReduced(
                        MEMBER, "default", OrderId.of("O-1"), "R-1", cny("200.00"), cny("200.00"), DAY_2, "evt-R-1"));
    }

    @Test
    void aRefundCountsOnceAndNeverTakesMoreThanIsLeft() {
        fixture.givenCommands(order("O-1", "600.00", DAY_1), refund("O-1", "R-1", "500.00"))
                .when(refund("O-1", "R-1", "500.00"))
                .expectNoEvents();
        fixture.givenCommands(order("O-1", "600.00", DAY_1), refund("O-1", "R-1", "500.00"))
                .when(refund("O-1", "R-2", "500.00"))
                .expectEvents(new QualifyingOrderReduced(
                        MEMBER, "default", OrderId.of("O-1"), "R-2", cny("500.00"), cny("100.00"), DAY_2, "evt-R-2"));
    }

    @Test
    void aRefundBeforeItsOrderIsKeptOnANewMemberTierAwaitingTheOrder() {
        fixture.givenNoPriorActivity()
                .when(refund("O-1", "R-1", "200.00"))
                .expectEvents(new RefundAwaitingOrderRecorded(
                        MEMBER, "default", OrderId.of("O-1"), "R-1", cny("200.00"), DAY_2, "evt-R-1"));
        fixture.givenCommands(order("O-1", "100.00", DAY_1))
                .when(refund("O-2", "R-1", "50.00"))
                .expectEvents(new RefundAwaitingOrderRecorded(
                        MEMBER, "default", OrderId.of("O-2"), "R-1", cny("50.00"), DAY_2, "evt-R-1"));
    }

    @Test
    void aRefundThatOvertookItsOrderIsAppliedWhenTheOrderCountsAndThePromotionUsesTheNetValue() {
        List<Object> events = events(fixture.givenCommands(refund("O-1", "R-1", "200.00"))
                .when(order("O-1", "800.00", DAY_1)));

        assertThat(events).extracting(Object::getClass).containsExactly(
                QualifyingOrderRecorded.class,
                QualifyingOrderReduced.class,
                TierDecided.class,
                TierInForceChanged.class,
                MemberTierUpdated.class);
        assertThat(events.get(1)).isEqualTo(new QualifyingOrderReduced(
                MEMBER, "default", OrderId.of("O-1"), "R-1", cny("200.00"), cny("200.00"), DAY_2, "evt-R-1"));
        assertThat((TierInForceChanged) events.get(3)).satisfies(changed -> {
            assertThat(changed.toTier()).isEqualTo("SILVER");
            assertThat(changed.qualifyingValue()).isEqualTo(cny("600.00"));
            assertThat(changed.effectiveAt()).isEqualTo(DAY_1);
            assertThat(changed.causationIds()).containsExactly("evt-O-1", "evt-R-1");
        });
        assertThat(((MemberTierUpdated) events.get(4)).qualifyingValue()).isEqualTo(cny("600.00"));
    }

    @Test
    void anOrderNetOfAnEarlierRefundBelowTheThresholdDoesNotPromote() {
        List<Object> events = events(fixture.givenCommands(refund("O-1", "R-1", "200.00"))
                .when(order("O-1", "600.00", DAY_1)));

        assertThat(events).extracting(Object::getClass).containsExactly(
                QualifyingOrderRecorded.class, QualifyingOrderReduced.class, MemberTierUpdated.class);
        assertThat((MemberTierUpdated) events.get(2)).satisfies(updated -> {
            assertThat(updated.tier()).isEqualTo("MEMBER");
            assertThat(updated.qualifyingValue()).isEqualTo(cny("400.00"));
        });
    }

    @Test
    void theSameRefundIdCountsOnceWhetherItArrivesBeforeOrAfterItsOrder() {
        fixture.givenCommands(refund("O-1", "R-1", "200.00"))
                .when(refund("O-1", "R-1", "200.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.givenCommands(refund("O-1", "R-1", "200.00"), order("O-1", "800.00", DAY_1))
                .when(refund("O-1", "R-1", "200.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        List<Object> applied = events(fixture.givenCommands(
                        refund("O-1", "R-1", "200.00"), refund("O-1", "R-1", "200.00"))
                .when(order("O-1", "800.00", DAY_1)));
        assertThat(only(applied, QualifyingOrderReduced.class)).singleElement()
                .satisfies(reduced -> assertThat(reduced.refundId()).isEqualTo("R-1"));
    }

    @Test
    void severalPartialRefundsBeforeTheOrderAreAppliedInTurnAndNeverTakeMoreThanIsLeft() {
        List<Object> events = events(fixture.givenCommands(
                        refund("O-1", "R-1", "300.00"), refund("O-1", "R-2", "200.00"), refund("O-1", "R-3", "400.00"))
                .when(order("O-1", "600.00", DAY_1)));

        assertThat(only(events, QualifyingOrderReduced.class))
                .extracting(QualifyingOrderReduced::refundId, QualifyingOrderReduced::reducedBy)
                .containsExactly(
                        Tuple.tuple("R-1", cny("300.00")),
                        Tuple.tuple("R-2", cny("200.00")),
                        Tuple.tuple("R-3", cny("100.00")));
        assertThat(only(events, TierInForceChanged.class)).isEmpty();
        assertThat(only(events, MemberTierUpdated.class)).singleElement()
                .satisfies(updated -> assertThat(updated.qualifyingValue()).isEqualTo(cny("0.00")));
        fixture.givenCommands(
                        refund("O-1", "R-1", "300.00"), refund("O-1", "R-2", "200.00"), order("O-1", "600.00", DAY_1))
                .when(refund("O-1", "R-3", "400.00"))
                .expectEvents(new QualifyingOrderReduced(
                        MEMBER, "default", OrderId.of("O-1"), "R-3", cny("400.00"), cny("100.00"), DAY_2, "evt-R-3"));
    }

    @Test
    void aRefundThatCanNeverCountIsRefusedEvenBeforeItsOrder() {
        fixture.givenNoPriorActivity()
                .when(new ReduceQualifyingOrder(
                        MEMBER, "default", OrderId.of("O-1"), "R-1", new QualifyingValue(new BigDecimal("10.00"), "USD"),
                        DAY_2, "e"))
                .expectException(UnsupportedCurrencyException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(refund("O-1", "R-1", "-10.00"))
                .expectException(NegativeOrderAmountException.class)
                .expectNoEvents();
    }

    @Test
    void aRefundAppliedLaterNeverDemotesAtOnce() {
        List<Object> events = events(fixture.givenCommands(order("O-1", "600.00", DAY_1), refund("O-2", "R-1", "500.00"))
                .when(order("O-2", "100.00", DAY_2)));

        assertThat(events).extracting(Object::getClass)
                .containsExactly(QualifyingOrderRecorded.class, QualifyingOrderReduced.class);
    }

    @Test
    void meetingRetentionAtTheEndOfValidityKeepsTheTierForAnotherPeriod() {
        List<Object> events = events(fixture.givenCommands(
                        order("O-1", "600.00", DAY_1), order("O-2", "550.00", DAY_1.plus(Duration.ofDays(180))))
                .when(new DecideTier(MEMBER, YEAR_ON)));

        assertThat(events).extracting(Object::getClass).containsExactly(TierDecided.class, MemberTierUpdated.class);
        assertThat((TierDecided) events.get(0)).satisfies(decided -> {
            assertThat(decided.kind()).isEqualTo(DecisionKind.RETAINED);
            assertThat(decided.qualifyingValue()).isEqualTo(cny("550.00"));
            assertThat(decided.validUntil()).isEqualTo(Instant.parse("2028-11-23T10:00:00Z"));
            assertThat(decided.causationIds()).containsExactly("evt-O-2");
        });
        assertThat(((MemberTierUpdated) events.get(1)).validUntil()).isEqualTo(Instant.parse("2028-11-23T10:00:00Z"));
    }

    @Test
    void missingRetentionDemotesOneTierAtTheEndOfValidity() {
        List<Object> events = events(fixture.givenCommands(order("O-1", "2500.00", DAY_1))
                .when(new DecideTier(MEMBER, YEAR_ON)));

        assertThat(only(events, TierInForceChanged.class)).singleElement().isEqualTo(new TierInForceChanged(
                MEMBER,
                "default",
                "GOLD",
                "SILVER",
                TierChangeReason.RETENTION_FAILED,
                cny("0.00"),
                "ladder-v1",
                YEAR_ON,
                Instant.parse("2028-11-23T10:00:00Z"),
                List.of(),
                new RegainTarget("GOLD", new BigDecimal("2000.00"), "CNY", "P12M")));
    }

    @Test
    void aDemotionSaysWhatTheWindowStillLacksToRegainTheTierLost() {
        List<Object> events = events(fixture.givenCommands(
                        order("O-1", "2500.00", DAY_1), order("O-2", "1200.00", DAY_1.plus(Duration.ofDays(200))))
                .when(new DecideTier(MEMBER, YEAR_ON)));

        assertThat(only(events, TierInForceChanged.class)).singleElement().satisfies(changed -> {
            assertThat(changed.toTier()).isEqualTo("SILVER");
            assertThat(changed.qualifyingValue()).isEqualTo(cny("1200.00"));
            // GOLD's entry threshold 2000.00 less the 1200.00 counted in the window ending at the demotion
            assertThat(changed.toRegain()).isEqualTo(new RegainTarget("GOLD", new BigDecimal("800.00"), "CNY", "P12M"));
        });
    }

    @Test
    void aPromotionCarriesNothingToRegain() {
        List<Object> events = events(fixture.givenNoPriorActivity().when(order("O-1", "600.00", DAY_1)));

        assertThat(only(events, TierInForceChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.toRegain()).isNull());
    }

    @Test
    void aStaleTimerDoesNothing() {
        fixture.givenCommands(order("O-1", "600.00", DAY_1), order("O-2", "1500.00", DAY_2))
                .when(new DecideTier(MEMBER, YEAR_ON)) // SILVER's validity, replaced by GOLD's
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.givenCommands(order("O-1", "100.00", DAY_1))
                .when(new DecideTier(MEMBER, YEAR_ON)) // the entry tier never ends
                .expectNoEvents();
    }

    @Test
    void aGracePeriodDefersDemotionToItsEnd() {
        fixture = fixtureWith(new TierPolicy(
                Ladders.standard(), QualifyingBasis.SPEND, QualifyingWindow.rolling12Months(),
                DemotionPolicy.SOFT_LANDING, Period.ofMonths(1), Duration.ofDays(30)));
        Instant graceEnd = Instant.parse("2027-12-23T10:00:00Z");

        List<Object> started = events(fixture.givenCommands(order("O-1", "600.00", DAY_1))
                .when(new DecideTier(MEMBER, YEAR_ON)));
        assertThat(started).singleElement().isInstanceOfSatisfying(TierDecided.class, d -> {
            assertThat(d.kind()).isEqualTo(DecisionKind.GRACE_STARTED);
            assertThat(d.graceEndsAt()).isEqualTo(graceEnd);
        });

        List<Object> ended = events(fixture.givenCommands(order("O-1", "600.00", DAY_1), new DecideTier(MEMBER, YEAR_ON))
                .when(new DecideTier(MEMBER, graceEnd)));
        assertThat(only(ended, TierInForceChanged.class)).singleElement()
                .satisfies(c -> assertThat(c.toTier()).isEqualTo("MEMBER"));
    }

    @Test
    void aMemberShortOfRetentionIsWarnedOnceWithTheGap() {
        Instant notice = YEAR_ON.minus(Duration.ofDays(30));
        fixture.givenCommands(order("O-1", "2500.00", DAY_1), order("O-2", "1200.00", DAY_2))
                .when(new AssessTierAtRisk(MEMBER, YEAR_ON, notice))
                .expectEvents(new TierAtRiskAssessed(
                        MEMBER, "default", "GOLD", YEAR_ON, cny("1200.00"), cny("2000.00"), cny("800.00"), "ladder-v1",
                        notice));
        fixture.givenCommands(order("O-1", "2500.00", DAY_1), new AssessTierAtRisk(MEMBER, YEAR_ON, notice))
                .when(new AssessTierAtRisk(MEMBER, YEAR_ON, notice))
                .expectNoEvents();
        fixture.givenCommands(order("O-1", "2500.00", DAY_1), order("O-2", "2000.00", DAY_2))
                .when(new AssessTierAtRisk(MEMBER, YEAR_ON, notice))
                .expectNoEvents();
    }

    @Test
    void aPinnedManualTierIsInForceUntilItEndsThenNormalRulesResume() {
        Instant until = DAY_2.plus(Duration.ofDays(90));
        AssignManualTier vip = manual("DIAMOND", ManualMode.PIN, until);

        List<Object> assigned = events(fixture.givenCommands(order("O-1", "600.00", DAY_1)).when(vip));
        assertThat(assigned).extracting(Object::getClass).containsExactly(
                ManualTierAssigned.class, TierInForceChanged.class, MemberTierUpdated.class);
        assertThat((TierInForceChanged) assigned.get(1)).satisfies(c -> {
            assertThat(c.fromTier()).isEqualTo("SILVER");
            assertThat(c.toTier()).isEqualTo("DIAMOND");
            assertThat(c.reason()).isEqualTo(TierChangeReason.MANUAL);
            assertThat(c.validUntil()).isEqualTo(until);
        });
        assertThat(((MemberTierUpdated) assigned.get(2)).manual().operatorId()).isEqualTo("support-7");

        List<Object> ended = events(fixture.givenCommands(order("O-1", "600.00", DAY_1), vip)
                .when(new EndManualTier(MEMBER, null, until, until)));
        assertThat(only(ended, TierInForceChanged.class)).singleElement().satisfies(c -> {
            assertThat(c.fromTier()).isEqualTo("DIAMOND");
            assertThat(c.toTier()).isEqualTo("SILVER");
            assertThat(c.reason()).isEqualTo(TierChangeReason.MANUAL_ENDED);
            assertThat(c.validUntil()).isEqualTo(YEAR_ON);
        });
    }

    @Test
    void aPinHoldsTheTierWhileTheRulesKeepDecidingBeneathIt() {
        List<Object> events = events(fixture.givenCommands(manual("SILVER", ManualMode.PIN, DAY_2.plus(Duration.ofDays(90))))
                .when(order("O-1", "2500.00", DAY_2)));

        assertThat(only(events, TierInForceChanged.class)).isEmpty();
        assertThat(only(events, MemberTierUpdated.class)).singleElement().satisfies(u -> {
            assertThat(u.tier()).isEqualTo("SILVER");
            assertThat(u.earnedTier()).isEqualTo("GOLD");
        });
    }

    @Test
    void aMemberCanRiseAboveAFloor() {
        List<Object> events = events(fixture.givenCommands(manual("SILVER", ManualMode.FLOOR, DAY_2.plus(Duration.ofDays(90))))
                .when(order("O-1", "2500.00", DAY_2)));

        assertThat(only(events, TierInForceChanged.class)).singleElement().satisfies(c -> {
            assertThat(c.fromTier()).isEqualTo("SILVER");
            assertThat(c.toTier()).isEqualTo("GOLD");
            assertThat(c.reason()).isEqualTo(TierChangeReason.QUALIFIED);
        });
    }

    @Test
    void aManualTierEndedEarlyOrReplacedIgnoresItsOldTimer() {
        Instant until = DAY_2.plus(Duration.ofDays(90));
        fixture.givenCommands(manual("GOLD", ManualMode.PIN, until), new EndManualTier(MEMBER, "support-7", DAY_2, null))
                .when(new EndManualTier(MEMBER, null, until, until))
                .expectNoEvents();
        fixture.givenCommands(manual("GOLD", ManualMode.PIN, until), manual("GOLD", ManualMode.PIN, until.plusSeconds(60)))
                .when(new EndManualTier(MEMBER, null, until, until))
                .expectNoEvents();
    }

    @Test
    void endingAManualTierThatIsNotInForceOrEndsInThePastIsRefused() {
        fixture.givenCommands(order("O-1", "600.00", DAY_1))
                .when(new EndManualTier(MEMBER, "support-7", DAY_2, null))
                .expectException(NoManualTierException.class);
        fixture.givenNoPriorActivity()
                .when(manual("GOLD", ManualMode.PIN, DAY_1))
                .expectException(ManualTierEndPassedException.class)
                .expectNoEvents();
    }

    @Test
    void onThePointsBasisEarnedPointsCount() {
        fixture = fixtureWith(policy(Ladders.points()));
        QualifyingValue points = new QualifyingValue(new BigDecimal("600"), "POINTS");

        List<Object> events = events(fixture.givenNoPriorActivity()
                .when(new RecordQualifyingOrder(MEMBER, "default", OrderId.of("O-1"), points, DAY_1, "evt-earned")));

        assertThat(only(events, TierInForceChanged.class)).singleElement().satisfies(c -> {
            assertThat(c.toTier()).isEqualTo("SILVER");
            assertThat(c.qualifyingValue()).isEqualTo(points);
        });
    }

    static TierPolicy policy(com.loyaltysuite.tier.ladder.TierLadder ladder) {
        return new TierPolicy(
                ladder, QualifyingBasis.SPEND, QualifyingWindow.rolling12Months(), DemotionPolicy.SOFT_LANDING,
                Period.ZERO, Duration.ofDays(30));
    }

    static RecordQualifyingOrder order(String orderId, String amount, Instant paidAt) {
        return new RecordQualifyingOrder(MEMBER, "default", OrderId.of(orderId), cny(amount), paidAt, "evt-" + orderId);
    }

    static ReduceQualifyingOrder refund(String orderId, String refundId, String amount) {
        return new ReduceQualifyingOrder(MEMBER, "default", OrderId.of(orderId), refundId, cny(amount), DAY_2, "evt-" + refundId);
    }

    static AssignManualTier manual(String tier, ManualMode mode, Instant until) {
        return new AssignManualTier(MEMBER, "default", tier, mode, "strategic account", "support-7", until, DAY_2);
    }

    static QualifyingValue cny(String value) {
        return new QualifyingValue(new BigDecimal(value), "CNY");
    }

    static <T> List<T> only(List<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The payloads of the events the command applied. */
    static List<Object> events(ResultValidator<MemberTier> result) {
        List<Object> payloads = new ArrayList<>();
        result.expectSuccessfulHandlerExecution()
                .expectEventsMatching(new CustomTypeSafeMatcher<List<EventMessage<?>>>("any events") {
                    @Override
                    protected boolean matchesSafely(List<EventMessage<?>> messages) {
                        messages.forEach(message -> payloads.add(message.getPayload()));
                        return true;
                    }
                });
        return payloads;
    }
}

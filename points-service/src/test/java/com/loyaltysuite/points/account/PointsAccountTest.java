package com.loyaltysuite.points.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.points.adjustment.AdjustPoints;
import com.loyaltysuite.points.adjustment.AdjustmentRecorded;
import com.loyaltysuite.points.adjustment.AdjustmentView;
import com.loyaltysuite.points.earning.EarningPolicy;
import com.loyaltysuite.points.earning.EarningProperties;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.earning.MakePointsAvailable;
import com.loyaltysuite.points.earning.PointsMadeAvailable;
import com.loyaltysuite.points.earning.RecordEarning;
import com.loyaltysuite.points.earning.RecordTierChange;
import com.loyaltysuite.points.earning.UnsupportedCurrencyException;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.expiry.ExpireDuePoints;
import com.loyaltysuite.points.expiry.ExpiringPointsWarned;
import com.loyaltysuite.points.expiry.ExpiryPolicy;
import com.loyaltysuite.points.expiry.ExpiryProperties;
import com.loyaltysuite.points.expiry.WarnOfExpiringPoints;
import com.loyaltysuite.points.redemption.CancelReservation;
import com.loyaltysuite.points.redemption.ConfirmReservation;
import com.loyaltysuite.points.redemption.ExpireReservation;
import com.loyaltysuite.points.redemption.InsufficientPointsException;
import com.loyaltysuite.points.redemption.RedemptionPolicy;
import com.loyaltysuite.points.redemption.RedemptionProperties;
import com.loyaltysuite.points.redemption.ReservationClosedException;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.redemption.ReservationNotFoundException;
import com.loyaltysuite.points.redemption.ReservationReleased;
import com.loyaltysuite.points.redemption.ReservationStatus;
import com.loyaltysuite.points.redemption.ReservationView;
import com.loyaltysuite.points.redemption.ReservePoints;
import com.loyaltysuite.points.refund.RefundAwaitingOrderRecorded;
import com.loyaltysuite.points.refund.RefundOutcome;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.points.refund.ReverseRefund;
import com.loyaltysuite.points.standing.EarningWithheld;
import com.loyaltysuite.points.standing.MemberNotActiveException;
import com.loyaltysuite.points.standing.MemberStanding;
import com.loyaltysuite.points.standing.MemberStatusRecorded;
import com.loyaltysuite.points.standing.PointsForfeited;
import com.loyaltysuite.points.standing.RecordMemberStatus;
import com.loyaltysuite.points.standing.StandingProperties;
import com.loyaltysuite.points.standing.WithheldEarningForfeited;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PointsAccountTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant PAID_AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant AVAILABLE_AT = PAID_AT.plus(Duration.ofDays(7));
    static final Instant EXPIRES_AT = Instant.parse("2027-11-23T10:00:00Z");

    AggregateTestFixture<PointsAccount> fixture;
    final List<Object> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        standing(StandingProperties.defaults());
    }

    /** A fresh fixture whose programme has these member status rules. */
    void standing(StandingProperties rules) {
        fixture = new AggregateTestFixture<>(PointsAccount.class);
        fixture.registerInjectableResource(new EarningPolicy(EarningProperties.defaults()));
        fixture.registerInjectableResource(new ExpiryPolicy(ExpiryProperties.defaults()));
        fixture.registerInjectableResource(new RedemptionPolicy(RedemptionProperties.defaults()));
        fixture.registerInjectableResource(new MemberStanding(rules));
    }

    void forfeitOnUnfreeze() {
        standing(new StandingProperties(null, StandingProperties.OnUnfreeze.FORFEIT));
    }

    // ---- earning

    @Test
    void aPaidOrderEarnsOnePointPerWholeYuanPendingForSevenDaysExpiringAfterTwelveMonths() {
        fixture.givenNoPriorActivity()
                .when(earn("O-1", "599.99", PAID_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EarningRecorded(
                        MEMBER,
                        "default",
                        OrderId.of("O-1"),
                        599,
                        599,
                        new BigDecimal("1.0"),
                        "MEMBER",
                        "earning-v1",
                        null,
                        Money.of("599.99", "CNY"),
                        PAID_AT,
                        AVAILABLE_AT,
                        EXPIRES_AT,
                        0,
                        "evt-O-1",
                        new PointsTotals(0, 599, 0, 0, List.of(new ExpiryBucket(EXPIRES_AT, 599)))));
    }

    @Test
    void theSameOrderEarnsOnceWhateverItsEventId() {
        given(earn("O-1", "599.00", PAID_AT))
                .when(new RecordEarning(MEMBER, "default", OrderId.of("O-1"), Money.of("599.00", "CNY"), PAID_AT, null, null, "evt-other"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void earnsAtTheTierHeldWhenTheOrderWasPaid() {
        given(
                        new RecordTierChange(MEMBER, "default", "GOLD", PAID_AT.minus(Duration.ofDays(30)), "t-1"),
                        new RecordTierChange(MEMBER, "default", "SILVER", PAID_AT.minus(Duration.ofDays(1)), "t-2"),
                        new RecordTierChange(MEMBER, "default", "DIAMOND", PAID_AT.plusSeconds(1), "t-3"))
                .when(earn("O-1", "99.99", PAID_AT))
                .expectEventsMatching(capture());

        assertThat(events).singleElement().isInstanceOfSatisfying(EarningRecorded.class, e -> {
            assertThat(e.tier()).isEqualTo("SILVER");
            assertThat(e.multiplier()).isEqualTo(new BigDecimal("1.2"));
            assertThat(e.basePoints()).isEqualTo(99);
            assertThat(e.points()).isEqualTo(118);
        });
    }

    @Test
    void aPromotionCausedByTheOrderItselfDoesNotApplyToIt() {
        given(new RecordTierChange(MEMBER, "default", "SILVER", PAID_AT, "t-1"))
                .when(earn("O-1", "100", PAID_AT))
                .expectEventsMatching(capture());

        assertThat(events).singleElement().isInstanceOfSatisfying(EarningRecorded.class, e -> assertThat(e.tier())
                .isEqualTo("MEMBER"));
    }

    @Test
    void aTierChangeArrivingLaterDoesNotReDecideAnOrder() {
        given(
                        earn("O-1", "100", PAID_AT),
                        new RecordTierChange(MEMBER, "default", "GOLD", PAID_AT.minus(Duration.ofDays(1)), "t-1"))
                .when(earn("O-1", "100", PAID_AT))
                .expectNoEvents()
                .expectState(account -> assertThat(account.ledger().balance()).isEqualTo(100));
    }

    @Test
    void anOrderInAnotherCurrencyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordEarning(MEMBER, "default", OrderId.of("O-9"), Money.of("10.00", "USD"), PAID_AT, null, null, "evt-9"))
                .expectException(UnsupportedCurrencyException.class)
                .expectNoEvents();
    }

    // ---- pending period

    @Test
    void pointsBecomeAvailableWhenThePendingPeriodEndsAndOnlyOnce() {
        given(earn("O-1", "599", PAID_AT))
                .when(new MakePointsAvailable(MEMBER, OrderId.of("O-1"), AVAILABLE_AT))
                .expectEvents(new PointsMadeAvailable(
                        MEMBER,
                        "default",
                        OrderId.of("O-1"),
                        599,
                        AVAILABLE_AT,
                        "evt-O-1",
                        new PointsTotals(599, 0, 0, 0, List.of(new ExpiryBucket(EXPIRES_AT, 599)))));

        given(earn("O-1", "599", PAID_AT), new MakePointsAvailable(MEMBER, OrderId.of("O-1"), AVAILABLE_AT))
                .when(new MakePointsAvailable(MEMBER, OrderId.of("O-1"), AVAILABLE_AT))
                .expectNoEvents();
        given(earn("O-1", "599", PAID_AT))
                .when(new MakePointsAvailable(MEMBER, OrderId.of("O-1"), AVAILABLE_AT.minusSeconds(1)))
                .expectNoEvents();
    }

    // ---- refunds

    @Test
    void aPartialRefundReversesItsShareFloored() {
        given(earn("O-1", "300", PAID_AT))
                .when(refund("O-1", "R-1", "100.50"))
                .expectResultMessagePayload(RefundOutcome.REVERSED)
                .expectEventsMatching(capture());

        assertThat(events).singleElement().isInstanceOfSatisfying(RefundReversed.class, e -> {
            assertThat(e.points()).isEqualTo(100); // floor(300 × 100.50 / 300)
            assertThat(e.debtAdded()).isZero();
            assertThat(e.totals().balance()).isEqualTo(200);
        });
    }

    @Test
    void severalRefundsOfTheWholeOrderReverseExactlyWhatItEarnedNeverMore() {
        given(
                        earn("O-1", "99.99", PAID_AT), // 99 points
                        refund("O-1", "R-1", "33.33"),
                        refund("O-1", "R-2", "33.33"),
                        refund("O-1", "R-2", "33.33")) // a duplicate changes nothing
                .when(refund("O-1", "R-3", "50.00")) // more than the rest of the order
                .expectEventsMatching(capture())
                .expectState(account -> assertThat(account.ledger().balance()).isZero());

        assertThat(events).singleElement().isInstanceOfSatisfying(RefundReversed.class, e -> assertThat(e.points())
                .isEqualTo(99 - 66)); // earlier: floor(99 × 66.66 / 99.99) = 66 in all
    }

    @Test
    void theSameRefundTwiceCountsOnce() {
        given(earn("O-1", "300", PAID_AT), refund("O-1", "R-1", "100"))
                .when(refund("O-1", "R-1", "100"))
                .expectResultMessagePayload(RefundOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void refundingPointsAlreadySpentLeavesADebtTheNextEarningRepays() {
        given(
                        earn("O-1", "100", PAID_AT),
                        new MakePointsAvailable(MEMBER, OrderId.of("O-1"), AVAILABLE_AT),
                        reserve("RS-1", 80),
                        new ConfirmReservation(MEMBER, "RS-1", AVAILABLE_AT.plusSeconds(60)),
                        refund("O-1", "R-1", "100"))
                .when(earn("O-2", "50", PAID_AT.plus(Duration.ofDays(10))))
                .expectEventsMatching(capture());

        assertThat(events).singleElement().isInstanceOfSatisfying(EarningRecorded.class, e -> {
            assertThat(e.points()).isEqualTo(50);
            assertThat(e.debtRepaid()).isEqualTo(50);
            assertThat(e.totals()).isEqualTo(new PointsTotals(0, 0, 0, 30, List.of()));
            assertThat(e.totals().balance()).isEqualTo(-30);
        });
    }

    @Test
    void aRefundOfAnUnknownOrderIsRecordedAndAppliedWhenTheOrderComes() {
        fixture.givenNoPriorActivity()
                .when(refund("O-7", "R-1", "10"))
                .expectResultMessagePayload(RefundOutcome.UNKNOWN_ORDER)
                .expectEventsMatching(capture());
        assertThat(events).singleElement().isInstanceOf(RefundAwaitingOrderRecorded.class);

        events.clear();
        given(refund("O-7", "R-1", "10"))
                .when(earn("O-7", "100", PAID_AT))
                .expectEventsMatching(capture());
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(RefundReversed.class, e -> {
            assertThat(e.points()).isEqualTo(10);
            assertThat(e.refundId()).isEqualTo("R-1");
        });
    }

    // ---- redemption

    @Test
    void pendingPointsCannotBeRedeemed() {
        given(earn("O-1", "599", PAID_AT))
                .when(reserve("RS-1", 100))
                .expectException(InsufficientPointsException.class)
                .expectExceptionMessage("Cannot redeem 100 points: only 0 are available")
                .expectNoEvents();
    }

    @Test
    void redeemingMoreThanIsAvailableIsRefused() {
        given(available("O-1", "599"), reserve("RS-1", 500))
                .when(reserve("RS-2", 100))
                .expectException(InsufficientPointsException.class)
                .expectNoEvents();
    }

    @Test
    void aReservationHoldsPointsAndIsIdempotentOnTheRequestId() {
        given(available("O-1", "599"))
                .when(reserve("RS-1", 250))
                .expectResultMessagePayload(new ReservationView(
                        "RS-1", "M-1", "CO-1", 250, Money.of("2.50", "CNY"), ReservationStatus.OPEN, AVAILABLE_AT.plus(Duration.ofMinutes(15))))
                .expectState(account -> {
                    assertThat(account.ledger().available()).isEqualTo(349);
                    assertThat(account.ledger().reserved()).isEqualTo(250);
                    assertThat(account.ledger().balance()).isEqualTo(599);
                });

        given(available("O-1", "599"), reserve("RS-1", 250))
                .when(reserve("RS-1", 250))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        given(available("O-1", "599"), reserve("RS-1", 250))
                .when(reserve("RS-1", 300))
                .expectException(RequestIdReusedException.class);
    }

    @Test
    void confirmingSpendsTheReservedPointsOnce() {
        given(available("O-1", "599"), reserve("RS-1", 250))
                .when(new ConfirmReservation(MEMBER, "RS-1", AVAILABLE_AT.plusSeconds(60)))
                .expectEventsMatching(capture())
                .expectState(account -> assertThat(account.ledger().balance()).isEqualTo(349));
        assertThat(events).singleElement().isInstanceOfSatisfying(ReservationConfirmed.class, e -> assertThat(e.points())
                .isEqualTo(250));

        given(
                        available("O-1", "599"), reserve("RS-1", 250), new ConfirmReservation(MEMBER, "RS-1", AVAILABLE_AT))
                .when(new ConfirmReservation(MEMBER, "RS-1", AVAILABLE_AT))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        given(
                        available("O-1", "599"), reserve("RS-1", 250), new ConfirmReservation(MEMBER, "RS-1", AVAILABLE_AT))
                .when(new CancelReservation(MEMBER, "RS-1", AVAILABLE_AT))
                .expectException(ReservationClosedException.class);
    }

    @Test
    void aReservationLeftAloneExpiresAndCannotBeConfirmedAfterwards() {
        given(available("O-1", "599"), reserve("RS-1", 250))
                .when(new ExpireReservation(MEMBER, "RS-1", AVAILABLE_AT.plus(Duration.ofMinutes(15))))
                .expectEventsMatching(capture())
                .expectState(account -> assertThat(account.ledger().available()).isEqualTo(599));
        assertThat(events).singleElement().isInstanceOfSatisfying(ReservationReleased.class, e -> assertThat(e.status())
                .isEqualTo(ReservationStatus.EXPIRED));

        given(
                        available("O-1", "599"),
                        reserve("RS-1", 250),
                        new ExpireReservation(MEMBER, "RS-1", AVAILABLE_AT.plus(Duration.ofMinutes(15))))
                .when(new ConfirmReservation(MEMBER, "RS-1", AVAILABLE_AT.plus(Duration.ofMinutes(16))))
                .expectException(ReservationClosedException.class);
        given(available("O-1", "599"))
                .when(new ConfirmReservation(MEMBER, "RS-404", AVAILABLE_AT))
                .expectException(ReservationNotFoundException.class);
    }

    // ---- expiry

    @Test
    void membersAreWarnedOnceBeforeTheirPointsExpire() {
        Instant warnAt = EXPIRES_AT.minus(Duration.ofDays(30));
        given(available("O-1", "599"), reserve("RS-1", 99), new ConfirmReservation(MEMBER, "RS-1", AVAILABLE_AT))
                .when(new WarnOfExpiringPoints(MEMBER, EXPIRES_AT, warnAt))
                .expectEvents(new ExpiringPointsWarned(MEMBER, "default", 500, EXPIRES_AT, warnAt));

        given(available("O-1", "599"), new WarnOfExpiringPoints(MEMBER, EXPIRES_AT, warnAt))
                .when(new WarnOfExpiringPoints(MEMBER, EXPIRES_AT, warnAt))
                .expectNoEvents();
    }

    @Test
    void unspentPointsExpireFirstEarnedFirstSpent() {
        Instant secondPaidAt = PAID_AT.plus(Duration.ofDays(60));
        given(
                        available("O-1", "100"),
                        earn("O-2", "200", secondPaidAt),
                        new MakePointsAvailable(MEMBER, OrderId.of("O-2"), secondPaidAt.plus(Duration.ofDays(7))),
                        reserve("RS-1", 150),
                        new ConfirmReservation(MEMBER, "RS-1", secondPaidAt.plus(Duration.ofDays(8))))
                .when(new ExpireDuePoints(MEMBER, EXPIRES_AT))
                .expectNoEvents() // O-1's 100 were spent first
                .expectState(account -> assertThat(account.ledger().available()).isEqualTo(150));

        given(available("O-1", "100"), reserve("RS-1", 30), new ConfirmReservation(MEMBER, "RS-1", AVAILABLE_AT))
                .when(new ExpireDuePoints(MEMBER, EXPIRES_AT))
                .expectEventsMatching(capture())
                .expectState(account -> assertThat(account.ledger().balance()).isZero());
        assertThat(events).singleElement().isInstanceOfSatisfying(DuePointsExpired.class, e -> {
            assertThat(e.points()).isEqualTo(70);
            assertThat(e.expiredAt()).isEqualTo(EXPIRES_AT);
        });
    }

    @Test
    void pointsReleasedAfterTheirExpiryExpireAtOnce() {
        given(available("O-1", "100"), reserve("RS-1", 40), new ExpireDuePoints(MEMBER, EXPIRES_AT))
                .when(new CancelReservation(MEMBER, "RS-1", EXPIRES_AT.plusSeconds(1)))
                .expectEventsMatching(capture())
                .expectState(account -> assertThat(account.ledger().balance()).isZero());
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(DuePointsExpired.class, e -> assertThat(e.points()).isEqualTo(40));
    }

    // ---- adjustments

    @Test
    void supportStaffAddAndRemovePointsWithAReasonOnce() {
        Instant at = PAID_AT.plusSeconds(5);
        given(available("O-1", "100"))
                .when(new AdjustPoints(MEMBER, "ADJ-1", -150, "goodwill reversed, ticket 4711", "agent-7", at))
                .expectEventsMatching(capture())
                .expectResultMessagePayload(new AdjustmentView(
                        "ADJ-1", "M-1", -150, "goodwill reversed, ticket 4711", "agent-7", at, -50));
        assertThat(events).singleElement().isInstanceOfSatisfying(AdjustmentRecorded.class, e -> {
            assertThat(e.draws()).containsExactly(new LotDraw("order:O-1", 100));
            assertThat(e.debtAdded()).isEqualTo(50);
        });

        given(new AdjustPoints(MEMBER, "ADJ-1", 30, "welcome", "agent-7", at))
                .when(new AdjustPoints(MEMBER, "ADJ-1", 30, "welcome", "agent-7", at))
                .expectNoEvents()
                .expectState(account -> assertThat(account.ledger().available()).isEqualTo(30));
        given(new AdjustPoints(MEMBER, "ADJ-1", 30, "welcome", "agent-7", at))
                .when(new AdjustPoints(MEMBER, "ADJ-1", 40, "welcome", "agent-7", at))
                .expectException(RequestIdReusedException.class);
    }

    // ---- member status

    @Test
    void aFrozenMemberEarnsNothingThePointsAreWithheld() {
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)))
                .when(earn("O-1", "599", PAID_AT))
                .expectEventsMatching(capture());

        assertThat(events).singleElement().isInstanceOfSatisfying(EarningWithheld.class, e -> {
            assertThat(e.points()).isEqualTo(599);
            assertThat(e.status()).isEqualTo(MemberStatus.FROZEN);
            assertThat(e.totals()).isEqualTo(new PointsTotals(0, 0, 0, 0, List.of(), 599));
            assertThat(e.totals().balance()).isZero();
        });
    }

    @Test
    void anOrderPaidBeforeTheFreezeEarnsAsUsual() {
        given(status(MemberStatus.FROZEN, PAID_AT.plusSeconds(1)))
                .when(earn("O-1", "599", PAID_AT))
                .expectEventsMatching(capture());

        assertThat(events).singleElement().isInstanceOf(EarningRecorded.class);
    }

    @Test
    void unfreezingReleasesTheWithheldPointsAsEarningsAndTheMemberEarnsAgain() {
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "599", PAID_AT))
                .when(status(MemberStatus.ACTIVE, PAID_AT.plus(Duration.ofDays(1))))
                .expectEventsMatching(capture());

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(MemberStatusRecorded.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(EarningRecorded.class, e -> {
            assertThat(e.orderId()).isEqualTo(OrderId.of("O-1"));
            assertThat(e.points()).isEqualTo(599);
            assertThat(e.availableAt()).isEqualTo(AVAILABLE_AT);
            assertThat(e.totals()).isEqualTo(new PointsTotals(0, 599, 0, 0, List.of(new ExpiryBucket(EXPIRES_AT, 599)), 0));
        });

        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), status(MemberStatus.ACTIVE, PAID_AT.plusSeconds(60)))
                .when(earn("O-2", "100", PAID_AT.plusSeconds(120)))
                .expectEventsMatching(capture());
        assertThat(events).singleElement().isInstanceOf(EarningRecorded.class);
    }

    @Test
    void aRefundOfAWithheldOrderWaitsForItsRelease() {
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "300", PAID_AT))
                .when(refund("O-1", "R-1", "100"))
                .expectResultMessagePayload(RefundOutcome.WITHHELD_ORDER);

        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "300", PAID_AT), refund("O-1", "R-1", "100"))
                .when(status(MemberStatus.ACTIVE, PAID_AT.plus(Duration.ofDays(2))))
                .expectEventsMatching(capture());
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MemberStatusRecorded", "EarningRecorded", "RefundReversed");
        assertThat(((RefundReversed) events.get(2)).totals().balance()).isEqualTo(200);
    }

    @Test
    void aLateOrderOfTheFrozenTimeIsReleasedAtOnceIfTheMemberWasUnfrozenMeanwhile() {
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), status(MemberStatus.ACTIVE, PAID_AT.plusSeconds(60)))
                .when(earn("O-1", "300", PAID_AT))
                .expectEventsMatching(capture());

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("EarningWithheld", "EarningRecorded");
        assertThat(((EarningRecorded) events.get(1)).totals()).isEqualTo(
                new PointsTotals(0, 300, 0, 0, List.of(new ExpiryBucket(EXPIRES_AT, 300)), 0));
    }

    // ---- member status: withheld points forfeited on unfreezing (the forfeit rule)

    @Test
    void underTheForfeitRuleUnfreezingDropsTheWithheldPointsAndTheMemberEarnsAgain() {
        forfeitOnUnfreeze();
        Instant unfrozenAt = PAID_AT.plus(Duration.ofDays(1));
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "300", PAID_AT),
                        earn("O-2", "100", PAID_AT.plusSeconds(1)))
                .when(status(MemberStatus.ACTIVE, unfrozenAt))
                .expectEventsMatching(capture())
                .expectState(account -> {
                    assertThat(account.withheldPoints()).isZero();
                    assertThat(account.ledger().totals().balance()).isZero();
                });

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MemberStatusRecorded", "WithheldEarningForfeited", "WithheldEarningForfeited");
        assertThat(events.subList(1, 3)).map(WithheldEarningForfeited.class::cast)
                .extracting(e -> e.orderId().value(), WithheldEarningForfeited::points, e -> e.totals().withheld(),
                        e -> e.totals().balance(), WithheldEarningForfeited::forfeitedAt, WithheldEarningForfeited::reason)
                .containsExactly(
                        tuple("O-1", 300L, 100L, 0L, unfrozenAt, "reason"),
                        tuple("O-2", 100L, 0L, 0L, unfrozenAt, "reason"));

        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "300", PAID_AT),
                        status(MemberStatus.ACTIVE, unfrozenAt))
                .when(earn("O-3", "80", unfrozenAt.plusSeconds(1)))
                .expectEventsMatching(capture());
        assertThat(events).singleElement().isInstanceOfSatisfying(EarningRecorded.class,
                e -> assertThat(e.totals()).isEqualTo(new PointsTotals(0, 80, 0, 0, List.of(new ExpiryBucket(
                        Instant.parse("2027-11-24T10:00:01Z"), 80)), 0)));
    }

    @Test
    void underTheForfeitRulePointsEarnedBeforeTheFreezeStayAndRefundsOfThemReverseAsUsual() {
        forfeitOnUnfreeze();
        given(available("O-1", "500"), status(MemberStatus.FROZEN, AVAILABLE_AT), earn("O-2", "100", AVAILABLE_AT.plusSeconds(1)),
                        status(MemberStatus.ACTIVE, AVAILABLE_AT.plusSeconds(60)))
                .when(refund("O-1", "R-1", "100"))
                .expectResultMessagePayload(RefundOutcome.REVERSED)
                .expectEventsMatching(capture());
        assertThat(events).singleElement().isInstanceOfSatisfying(RefundReversed.class, e -> {
            assertThat(e.points()).isEqualTo(100);
            assertThat(e.totals()).isEqualTo(new PointsTotals(400, 0, 0, 0, List.of(new ExpiryBucket(EXPIRES_AT, 400)), 0));
        });
    }

    @Test
    void underTheForfeitRuleARefundOfAWithheldOrderWaitsThenIsDroppedWithItsPoints() {
        forfeitOnUnfreeze();
        Instant unfrozenAt = PAID_AT.plus(Duration.ofDays(2));
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "300", PAID_AT))
                .when(refund("O-1", "R-1", "100"))
                .expectResultMessagePayload(RefundOutcome.WITHHELD_ORDER);

        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "300", PAID_AT), refund("O-1", "R-1", "100"))
                .when(status(MemberStatus.ACTIVE, unfrozenAt))
                .expectEventsMatching(capture())
                .expectState(account -> assertThat(account.ledger().totals().debt()).isZero());
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MemberStatusRecorded", "WithheldEarningForfeited");
        assertThat(((WithheldEarningForfeited) events.get(1)).points()).isEqualTo(300);

        // After the forfeiture: a refund of the order takes nothing, is not an unknown order, and the
        // order re-sent earns nothing.
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "300", PAID_AT), refund("O-1", "R-1", "100"),
                        status(MemberStatus.ACTIVE, unfrozenAt))
                .when(refund("O-1", "R-2", "200"))
                .expectResultMessagePayload(RefundOutcome.FORFEITED_ORDER)
                .expectNoEvents();
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "300", PAID_AT), status(MemberStatus.ACTIVE, unfrozenAt))
                .when(new RecordEarning(MEMBER, "default", OrderId.of("O-1"), Money.of("300", "CNY"), PAID_AT, "APP", List.of(), "evt-again"))
                .expectNoEvents();
    }

    @Test
    void underTheForfeitRuleALateOrderOfTheFrozenTimeIsForfeitedAtOnceAsOfTheUnfreezing() {
        forfeitOnUnfreeze();
        Instant unfrozenAt = PAID_AT.plusSeconds(60);
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), status(MemberStatus.ACTIVE, unfrozenAt),
                        status(MemberStatus.FROZEN, unfrozenAt.plusSeconds(60)), status(MemberStatus.ACTIVE, unfrozenAt.plusSeconds(120)))
                .when(earn("O-1", "300", PAID_AT))
                .expectEventsMatching(capture());

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("EarningWithheld", "WithheldEarningForfeited");
        assertThat((WithheldEarningForfeited) events.get(1)).satisfies(e -> {
            assertThat(e.forfeitedAt()).isEqualTo(unfrozenAt);
            assertThat(e.causationId()).isEqualTo("evt-O-1");
            assertThat(e.totals()).isEqualTo(new PointsTotals(0, 0, 0, 0, List.of(), 0));
        });
    }

    @Test
    void underTheForfeitRuleClosingAFrozenMemberStillForfeitsAsTheCloseRuleSays() {
        forfeitOnUnfreeze();
        given(status(MemberStatus.FROZEN, PAID_AT.minusSeconds(3600)), earn("O-1", "300", PAID_AT))
                .when(status(MemberStatus.CLOSED, PAID_AT.plusSeconds(60)))
                .expectEventsMatching(capture());

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("MemberStatusRecorded", "PointsForfeited");
        assertThat(((PointsForfeited) events.get(1)).withheldForfeited()).isEqualTo(300);
    }

    @Test
    void aFrozenMemberRedeemsNothing() {
        given(available("O-1", "500"), status(MemberStatus.FROZEN, AVAILABLE_AT.minusSeconds(1)))
                .when(reserve("RS-1", 100))
                .expectException(MemberNotActiveException.class)
                .expectNoEvents();
    }

    @Test
    void closingForfeitsEveryPointUnderTheExpireAllRule() {
        given(available("O-1", "500"), earn("O-2", "80", AVAILABLE_AT), status(MemberStatus.FROZEN, AVAILABLE_AT.plusSeconds(1)),
                        earn("O-3", "70", AVAILABLE_AT.plusSeconds(2)))
                .when(status(MemberStatus.CLOSED, AVAILABLE_AT.plusSeconds(3)))
                .expectEventsMatching(capture());

        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(PointsForfeited.class, e -> {
            assertThat(e.points()).isEqualTo(580);
            assertThat(e.withheldForfeited()).isEqualTo(70);
            assertThat(e.totals()).isEqualTo(new PointsTotals(0, 0, 0, 0, List.of(), 0));
        });
    }

    @Test
    void anOrderWithheldThenForfeitedOnClosingEarnsNothingWhenReSent() {
        given(status(MemberStatus.FROZEN, PAID_AT), earn("O-3", "70", PAID_AT.plusSeconds(1)),
                        status(MemberStatus.CLOSED, PAID_AT.plusSeconds(2)))
                .when(new RecordEarning(MEMBER, "default", OrderId.of("O-3"), Money.of("70", "CNY"),
                        PAID_AT.plusSeconds(1), "APP", List.of(), "evt-O-3-resent"))
                .expectNoEvents()
                .expectState(account -> assertThat(account.ledger().available()).isZero());

        given(status(MemberStatus.FROZEN, PAID_AT), earn("O-3", "70", PAID_AT.plusSeconds(1)),
                        status(MemberStatus.CLOSED, PAID_AT.plusSeconds(2)))
                .when(refund("O-3", "R-1", "70"))
                .expectResultMessagePayload(RefundOutcome.FORFEITED_ORDER)
                .expectNoEvents();
    }

    @Test
    void closingKeepsThePointsUnderTheKeepRuleButNothingMoreIsEarned() {
        standing(new StandingProperties(StandingProperties.OnClose.KEEP, null));
        given(available("O-1", "500"), status(MemberStatus.CLOSED, AVAILABLE_AT))
                .when(earn("O-2", "80", AVAILABLE_AT.plusSeconds(1)))
                .expectEventsMatching(capture())
                .expectState(account -> assertThat(account.ledger().available()).isEqualTo(500));
        assertThat(events).singleElement().isInstanceOfSatisfying(EarningWithheld.class,
                e -> assertThat(e.status()).isEqualTo(MemberStatus.CLOSED));
    }

    // ---- helpers

    static RecordMemberStatus status(MemberStatus status, Instant at) {
        return new RecordMemberStatus(MEMBER, "default", status, "reason", at, "evt-status-" + at);
    }

    static RecordEarning earn(String orderId, String amount, Instant paidAt) {
        return new RecordEarning(MEMBER, "default", OrderId.of(orderId), Money.of(amount, "CNY"), paidAt, "APP", List.of(), "evt-" + orderId);
    }

    /** Earned at PAID_AT and out of its pending period: two commands, flattened by {@link #given}. */
    static Object[] available(String orderId, String amount) {
        return new Object[] {earn(orderId, amount, PAID_AT), new MakePointsAvailable(MEMBER, OrderId.of(orderId), AVAILABLE_AT)};
    }

    TestExecutor<PointsAccount> given(Object... commands) {
        List<Object> flat = new ArrayList<>();
        for (Object command : commands) {
            if (command instanceof Object[] several) {
                flat.addAll(List.of(several));
            } else {
                flat.add(command);
            }
        }
        return fixture.givenCommands(flat);
    }

    static ReverseRefund refund(String orderId, String refundId, String amount) {
        return new ReverseRefund(
                MEMBER, "default", OrderId.of(orderId), refundId, Money.of(amount, "CNY"), PAID_AT.plus(Duration.ofDays(1)), "evt-" + refundId);
    }

    static ReservePoints reserve(String reservationId, long points) {
        return new ReservePoints(MEMBER, reservationId, "CO-1", points, AVAILABLE_AT);
    }

    Matcher<List<EventMessage<?>>> capture() {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                events.clear();
                ((List<?>) actual).forEach(m -> events.add(((EventMessage<?>) m).getPayload()));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events (captured)");
            }
        };
    }
}

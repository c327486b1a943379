package com.loyaltysuite.benefit.grant;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.benefit.catalogue.BenefitCatalogue;
import com.loyaltysuite.benefit.catalogue.BenefitsProperties;
import com.loyaltysuite.benefit.catalogue.OnClose;
import com.loyaltysuite.benefit.catalogue.ProgrammeCatalogue;
import com.loyaltysuite.benefit.catalogue.ShippedCatalogue;
import com.loyaltysuite.benefit.coupon.CouponCodes;
import com.loyaltysuite.benefit.coupon.Usability;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.tier.TierChangeReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberBenefitsTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant NOW = AT.plus(Duration.ofDays(1));

    AggregateTestFixture<MemberBenefits> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberBenefits.class);
        fixture.registerInjectableResource(ShippedCatalogue.load());
        fixture.registerInjectableResource(new CouponCodes(null));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aPromotionGrantsTheTiersStandingBenefitsAndItsPack() {
        List<Object> events = payloads(fixture.givenNoPriorActivity()
                .when(change("MEMBER", "SILVER", TierChangeReason.QUALIFIED, AT, "evt-1"))
                .expectSuccessfulHandlerExecution());

        assertThat(events).filteredOn(StandingBenefitGiven.class::isInstance).map(e -> ((StandingBenefitGiven) e).benefitCode())
                .containsExactlyInAnyOrder("MEMBER_PRICE_98", "PRIORITY_DELIVERY");
        assertThat(events).filteredOn(CouponIssued.class::isInstance).map(CouponIssued.class::cast).satisfiesExactly(
                first -> {
                    assertThat(first.benefitCode()).isEqualTo("SILVER_PACK_20");
                    assertThat(first.kind()).isEqualTo(BenefitKind.UPGRADE_GIFT);
                    assertThat(first.faceValue()).isEqualTo(Money.of("20", "CNY"));
                    assertThat(first.validFrom()).isEqualTo(AT);
                    assertThat(first.validUntil()).isEqualTo(AT.plus(Duration.ofDays(90)));
                    assertThat(first.codeHash()).hasSize(64);
                    assertThat(first.causationId()).isEqualTo("evt-1");
                },
                second -> assertThat(second.minSpend()).isEqualTo(Money.of("99", "CNY")));
        assertThat(events).filteredOn(UpgradePackGiven.class::isInstance).singleElement()
                .satisfies(pack -> assertThat(((UpgradePackGiven) pack).periodEndsAt()).isEqualTo(AT.plus(Duration.ofDays(365))));
    }

    @Test
    void aDemotionRevokesStandingBenefitsItNoLongerIncludesButNotCoupons() {
        List<Object> given = new ArrayList<>(payloads(fixture.givenNoPriorActivity()
                .when(change("SILVER", "GOLD", TierChangeReason.QUALIFIED, AT, "evt-1"))));
        List<Object> events = payloads(fixture.given(given).when(change("GOLD", "SILVER", TierChangeReason.RETENTION_FAILED,
                AT.plus(Duration.ofDays(365)), "evt-2")));

        assertThat(events).filteredOn(StandingBenefitWithdrawn.class::isInstance).map(StandingBenefitWithdrawn.class::cast)
                .extracting(StandingBenefitWithdrawn::benefitCode, StandingBenefitWithdrawn::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("MEMBER_PRICE_95", "SUPERSEDED"),
                        org.assertj.core.groups.Tuple.tuple("FREE_SHIPPING", "TIER_LEFT"),
                        org.assertj.core.groups.Tuple.tuple("SERVICE_LINE", "TIER_LEFT"));
        assertThat(events).filteredOn(StandingBenefitGiven.class::isInstance).map(e -> ((StandingBenefitGiven) e).benefitCode())
                .containsExactly("MEMBER_PRICE_98"); // PRIORITY_DELIVERY is still held
        assertThat(events).noneMatch(CouponWithdrawn.class::isInstance).noneMatch(CouponIssued.class::isInstance);
    }

    @Test
    void dropAndClimbBackInOnePeriodGivesThePackOnceAndInANewPeriodAgain() {
        List<Object> history = new ArrayList<>(payloads(fixture.givenNoPriorActivity()
                .when(change("MEMBER", "SILVER", TierChangeReason.QUALIFIED, AT, "evt-1"))));
        history.addAll(payloads(fixture.given(history)
                .when(change("SILVER", "MEMBER", TierChangeReason.MANUAL, AT.plus(Duration.ofDays(10)), "evt-2"))));
        List<Object> sameperiod = payloads(fixture.given(history)
                .when(change("MEMBER", "SILVER", TierChangeReason.QUALIFIED, AT.plus(Duration.ofDays(20)), "evt-3")));
        List<Object> newPeriod = payloads(fixture.given(history)
                .when(change("MEMBER", "SILVER", TierChangeReason.QUALIFIED, AT.plus(Duration.ofDays(366)), "evt-4")));

        assertThat(sameperiod).noneMatch(CouponIssued.class::isInstance).anyMatch(StandingBenefitGiven.class::isInstance);
        assertThat(newPeriod).filteredOn(CouponIssued.class::isInstance).hasSize(2);
    }

    @Test
    void changesThatAreNoPromotionBringNoPack() {
        List<Object> events = payloads(fixture.givenNoPriorActivity()
                .when(change("GOLD", "SILVER", TierChangeReason.MANUAL_ENDED, AT, "evt-1")));

        assertThat(events).noneMatch(CouponIssued.class::isInstance).anyMatch(StandingBenefitGiven.class::isInstance);
    }

    @Test
    void aCouponIsRedeemedOnceAndTheSameRequestAgainGetsTheSameAnswer() {
        List<Object> history = payloads(fixture.givenNoPriorActivity().when(change("MEMBER", "SILVER", TierChangeReason.QUALIFIED, AT, "e")));
        CouponIssued coupon = (CouponIssued) history.stream().filter(CouponIssued.class::isInstance).findFirst().orElseThrow();

        fixture.given(history).when(redeem(coupon, "req-1", "100.00", "APP"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.matches((CouponUsed used) -> used.requestId().equals("req-1") && used.kind() == coupon.kind()),
                                org.axonframework.test.matchers.Matchers.andNoMore())))
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.matches(
                        (Redemption r) -> r.status().equals("REDEEMED") && r.benefitId().equals(coupon.couponId())));
        List<Object> used = new ArrayList<>(history);
        used.add(new CouponUsed(MEMBER, "default", coupon.couponId(), coupon.benefitCode(), "req-1", "O-1", Money.of("100", "CNY"), "APP", NOW,
                coupon.kind()));
        fixture.given(used).when(redeem(coupon, "req-1", "100.00", "APP")).expectNoEvents();
        fixture.given(used).when(redeem(coupon, "req-2", "100.00", "APP"))
                .expectException(CouponNotUsableException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ALREADY_USED"));
    }

    @Test
    void eachReasonACouponCannotBeUsed() {
        List<Object> history = new ArrayList<>(payloads(fixture.givenNoPriorActivity()
                .when(change("SILVER", "GOLD", TierChangeReason.QUALIFIED, AT, "e"))));
        CouponIssued pack = coupon(history, "GOLD_PACK_50_299");
        CouponIssued exclusive = coupon(history, "GOLD_EXCLUSIVE_30_199");

        assertThat(check(history, pack, "300.00", "CNY", "APP", NOW)).isEqualTo(Usability.USABLE);
        assertThat(check(history, pack, "298.99", "CNY", "APP", NOW)).isEqualTo(Usability.MIN_SPEND_NOT_MET);
        assertThat(check(history, pack, "300.00", "USD", "APP", NOW)).isEqualTo(Usability.CURRENCY_NOT_ACCEPTED);
        assertThat(check(history, exclusive, "300.00", "CNY", "STORE", NOW)).isEqualTo(Usability.CHANNEL_NOT_ALLOWED);
        assertThat(check(history, pack, "300.00", "CNY", "APP", AT.plus(Duration.ofDays(90)))).isEqualTo(Usability.EXPIRED);
        assertThat(check(history, pack, "300.00", "CNY", "APP", AT.minusSeconds(1))).isEqualTo(Usability.NOT_YET_VALID);
        List<Object> demoted = new ArrayList<>(history);
        demoted.add(new TierNoted(MEMBER, "default", "SILVER", NOW, "e2"));
        assertThat(check(demoted, exclusive, "300.00", "CNY", "APP", NOW)).isEqualTo(Usability.TIER_NO_LONGER_ENTITLED);
        assertThat(check(demoted, pack, "300.00", "CNY", "APP", NOW)).isEqualTo(Usability.USABLE);
        List<Object> frozen = new ArrayList<>(history);
        frozen.add(new MemberStandingNoted(MEMBER, "default", MemberStatus.FROZEN, NOW, "m1"));
        assertThat(check(frozen, pack, "300.00", "CNY", "APP", NOW)).isEqualTo(Usability.MEMBER_FROZEN);
    }

    @Test
    void aClosedMembershipRevokesStandingBenefitsAndUnusedCoupons() {
        List<Object> history = payloads(fixture.givenNoPriorActivity().when(change("MEMBER", "SILVER", TierChangeReason.QUALIFIED, AT, "e")));

        List<Object> events = payloads(fixture.given(history)
                .when(new NoteMemberStatus(MEMBER, "default", MemberStatus.CLOSED, NOW, "m-1")));

        assertThat(events).filteredOn(StandingBenefitWithdrawn.class::isInstance).hasSize(2);
        assertThat(events).filteredOn(CouponWithdrawn.class::isInstance).hasSize(2)
                .allMatch(e -> ((CouponWithdrawn) e).reason().equals("MEMBER_CLOSED"));
    }

    @Test
    void aClosedMembershipUnderRevokeStandingEndsStandingBenefitsButKeepsUnusedCoupons() {
        List<Object> history = payloads(fixture.givenNoPriorActivity().when(change("MEMBER", "SILVER", TierChangeReason.QUALIFIED, AT, "e")));
        CouponIssued pack = coupon(history, "SILVER_PACK_20");
        fixture = new AggregateTestFixture<>(MemberBenefits.class);
        fixture.registerInjectableResource(catalogueClosingWith(OnClose.REVOKE_STANDING));
        fixture.registerInjectableResource(new CouponCodes(null));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));

        List<Object> events = payloads(fixture.given(history)
                .when(new NoteMemberStatus(MEMBER, "default", MemberStatus.CLOSED, NOW, "m-1")));

        assertThat(events).filteredOn(StandingBenefitWithdrawn.class::isInstance).map(StandingBenefitWithdrawn.class::cast)
                .extracting(StandingBenefitWithdrawn::benefitCode, StandingBenefitWithdrawn::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("MEMBER_PRICE_98", "MEMBER_CLOSED"),
                        org.assertj.core.groups.Tuple.tuple("PRIORITY_DELIVERY", "MEMBER_CLOSED"));
        assertThat(events).noneMatch(CouponWithdrawn.class::isInstance);
        List<Object> closed = new ArrayList<>(history);
        closed.addAll(events);
        assertThat(check(closed, pack, "100.00", "CNY", "APP", NOW)).isEqualTo(Usability.USABLE);
    }

    @Test
    void anExchangesCouponIsHeldUnusableAndUnpublishedUntilThePointsAreConfirmed() {
        List<Object> history = reservedExchange("x-1");
        String exchangeId = exchangeId(history);

        List<Object> held = payloads(fixture.given(history)
                .when(new ExchangeCommands.IssueExchangeCoupon(MEMBER, exchangeId, NOW)));
        assertThat(held).singleElement().isInstanceOfSatisfying(ExchangeEvents.ExchangeCouponGiven.class, given -> {
            assertThat(given.benefitCode()).isEqualTo("EXCHANGE_20");
            assertThat(given.faceValue()).isEqualTo(Money.of("20", "CNY"));
            assertThat(given.validUntil()).isAfter(given.validFrom());
        });
        history.addAll(held);
        String couponId = ((ExchangeEvents.ExchangeCouponGiven) held.get(0)).couponId();
        assertThat(checkId(history, couponId)).isEqualTo(Usability.UNKNOWN_CODE); // nothing to use yet
        fixture.given(history).when(new RedeemCoupon(MEMBER, couponId, "req-1", "O-1", Money.of("100", "CNY"), "APP", NOW))
                .expectException(CouponNotUsableException.class)
                .expectNoEvents();

        List<Object> completed = payloads(fixture.given(history)
                .when(new ExchangeCommands.CompleteExchange(MEMBER, exchangeId, NOW)));
        assertThat(completed).hasSize(2);
        assertThat(completed.get(0)).isInstanceOfSatisfying(CouponIssued.class, issued -> {
            assertThat(issued.couponId()).isEqualTo(couponId);
            assertThat(issued.kind()).isEqualTo(BenefitKind.COUPON);
            assertThat(issued.causationId()).isEqualTo(exchangeId);
            assertThat(issued.codeHash()).hasSize(64);
        });
        assertThat(completed.get(1)).isInstanceOf(ExchangeEvents.ExchangeCompleted.class);
        List<Object> done = new ArrayList<>(history);
        done.addAll(completed);
        assertThat(checkId(done, couponId)).isEqualTo(Usability.USABLE);
        fixture.given(done).when(new ExchangeCommands.CompleteExchange(MEMBER, exchangeId, NOW)).expectNoEvents();
        fixture.given(done).when(new ExchangeCommands.FailExchange(MEMBER, exchangeId, "late", NOW)).expectNoEvents();
    }

    @Test
    void anExchangeWhoseConfirmationIsRefusedNeverIssuesItsHeldCoupon() {
        List<Object> history = reservedExchange("x-1");
        String exchangeId = exchangeId(history);
        history.addAll(payloads(fixture.given(history).when(new ExchangeCommands.IssueExchangeCoupon(MEMBER, exchangeId, NOW))));
        String couponId = ((ExchangeEvents.ExchangeCouponGiven) history.get(history.size() - 1)).couponId();

        List<Object> failed = payloads(fixture.given(history)
                .when(new ExchangeCommands.FailExchange(MEMBER, exchangeId, "reservation-closed", NOW)));

        assertThat(failed).singleElement().isInstanceOfSatisfying(ExchangeEvents.ExchangeFailed.class,
                f -> assertThat(f.reason()).isEqualTo("reservation-closed"));
        history.addAll(failed);
        fixture.given(history).when(new ExchangeCommands.CompleteExchange(MEMBER, exchangeId, NOW)).expectNoEvents();
        assertThat(checkId(history, couponId)).isEqualTo(Usability.UNKNOWN_CODE);
    }

    @Test
    void anExchangeRecordedBeforeCouponsWereHeldBackWithdrawsItsIssuedCouponOnFailure() {
        List<Object> history = reservedExchange("x-1");
        String exchangeId = exchangeId(history);
        // As stored before: the coupon issued at once, and the step recorded without its terms.
        List<Object> issuedThen = payloads(fixture.given(history).when(new ExchangeCommands.IssueExchangeCoupon(MEMBER, exchangeId, NOW)));
        var given = (ExchangeEvents.ExchangeCouponGiven) issuedThen.get(0);
        List<Object> then = new ArrayList<>(history);
        then.addAll(issuedThen);
        List<Object> completedNow = payloads(fixture.given(then)
                .when(new ExchangeCommands.CompleteExchange(MEMBER, exchangeId, NOW)));
        CouponIssued coupon = (CouponIssued) completedNow.get(0);
        history.add(coupon);
        history.add(new ExchangeEvents.ExchangeCouponGiven(MEMBER, exchangeId, given.couponId(), "R-1", NOW,
                null, null, null, null, null, false, null, null, null));

        List<Object> completed = payloads(fixture.given(history).when(new ExchangeCommands.CompleteExchange(MEMBER, exchangeId, NOW)));
        List<Object> failed = payloads(fixture.given(history).when(new ExchangeCommands.FailExchange(MEMBER, exchangeId, "closed", NOW)));

        assertThat(completed).singleElement().isInstanceOf(ExchangeEvents.ExchangeCompleted.class); // not issued twice
        assertThat(failed).hasSize(2).first().isInstanceOfSatisfying(CouponWithdrawn.class,
                withdrawn -> assertThat(withdrawn.reason()).isEqualTo("EXCHANGE_FAILED"));
    }

    @Test
    void aMemberClosedWhileTheirExchangesCouponWasHeldGetsItWithdrawnOnConfirmation() {
        List<Object> history = reservedExchange("x-1");
        String exchangeId = exchangeId(history);
        history.addAll(payloads(fixture.given(history).when(new ExchangeCommands.IssueExchangeCoupon(MEMBER, exchangeId, NOW))));
        history.add(new MemberStandingNoted(MEMBER, "default", MemberStatus.CLOSED, NOW, "m-1"));

        List<Object> completed = payloads(fixture.given(history).when(new ExchangeCommands.CompleteExchange(MEMBER, exchangeId, NOW)));

        assertThat(completed).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CouponIssued", "ExchangeCompleted", "CouponWithdrawn");
        assertThat(((CouponWithdrawn) completed.get(2)).reason()).isEqualTo("MEMBER_CLOSED");
    }

    @Test
    void theBirthdayGiftComesOnceAYearToActiveMembersOnly() {
        List<Object> history = payloads(fixture.givenNoPriorActivity()
                .when(new NoteBirthday(MEMBER, "default", MonthDay.of(5, 20), Instant.parse("2027-03-01T00:00:00Z"))));
        BirthdayNoted noted = (BirthdayNoted) history.get(0);
        assertThat(noted.nextGiftYear()).isEqualTo(2027);
        assertThat(noted.nextGiftAt()).isEqualTo(Instant.parse("2027-04-30T16:00:00Z"));

        List<Object> given = payloads(fixture.given(history).when(new GiveBirthdayGift(MEMBER, 2027, noted.nextGiftAt())));
        assertThat(given).filteredOn(CouponIssued.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((CouponIssued) c).kind()).isEqualTo(BenefitKind.BIRTHDAY_GIFT));
        List<Object> all = new ArrayList<>(history);
        all.addAll(given);
        fixture.given(all).when(new GiveBirthdayGift(MEMBER, 2027, noted.nextGiftAt())).expectNoEvents();

        List<Object> frozen = new ArrayList<>(history);
        frozen.add(new MemberStandingNoted(MEMBER, "default", MemberStatus.FROZEN, NOW, "m1"));
        List<Object> passed = payloads(fixture.given(frozen).when(new GiveBirthdayGift(MEMBER, 2027, noted.nextGiftAt())));
        assertThat(passed).singleElement().satisfies(e -> assertThat(((BirthdayGiftGiven) e).given()).isFalse());
    }

    @Test
    void aBirthdayLearnedOfLateBringsNoGiftsOfYearsGoneBy() {
        List<Object> events = payloads(fixture.givenNoPriorActivity()
                .when(new NoteBirthday(MEMBER, "default", MonthDay.of(5, 20), Instant.parse("2019-03-01T00:00:00Z"))));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(((BirthdayNoted) e).nextGiftYear()).isEqualTo(2027); // NOW is in November 2026
            assertThat(((BirthdayNoted) e).nextGiftAt()).isEqualTo(Instant.parse("2027-04-30T16:00:00Z"));
        });
    }

    private Usability check(List<Object> history, CouponIssued coupon, String amount, String currency, String channel, Instant at) {
        Usability[] result = new Usability[1];
        fixture.given(history)
                .when(new CheckBenefit(MEMBER, coupon.couponId(), Money.of(amount, currency), channel, at))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.matches((Usability u) -> {
                    result[0] = u;
                    return true;
                }));
        return result[0];
    }

    /** An exchange of EXCHANGE_20 by a MEMBER-tier member, its points reserved as R-1. */
    private List<Object> reservedExchange(String requestId) {
        List<Object> history = new ArrayList<>(payloads(fixture.givenNoPriorActivity()
                .when(new ExchangeCommands.StartExchange(MEMBER, "default", requestId, "EXCHANGE_20", AT))));
        history.addAll(payloads(fixture.given(history)
                .when(new ExchangeCommands.RecordExchangeReserved(MEMBER, exchangeId(history), "R-1", AT))));
        return history;
    }

    private static String exchangeId(List<Object> history) {
        return history.stream().filter(ExchangeEvents.ExchangeStarted.class::isInstance)
                .map(e -> ((ExchangeEvents.ExchangeStarted) e).exchangeId()).findFirst().orElseThrow();
    }

    private Usability checkId(List<Object> history, String benefitId) {
        Usability[] result = new Usability[1];
        fixture.given(history)
                .when(new CheckBenefit(MEMBER, benefitId, Money.of("100.00", "CNY"), "APP", NOW))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.matches((Usability u) -> {
                    result[0] = u;
                    return true;
                }));
        return result[0];
    }

    /** The shipped catalogue with another rule for closed memberships. */
    private static BenefitCatalogue catalogueClosingWith(OnClose rule) {
        ProgrammeCatalogue shipped = ShippedCatalogue.load().of("default").orElseThrow();
        return new BenefitCatalogue(new BenefitsProperties(Map.of("default", new ProgrammeCatalogue(shipped.version(),
                shipped.currency(), shipped.packPeriod(), shipped.birthday(), shipped.zone(), rule, shipped.coupons(),
                shipped.tiers(), shipped.exchange()))));
    }

    private static CouponIssued coupon(List<Object> events, String code) {
        return events.stream().filter(CouponIssued.class::isInstance).map(CouponIssued.class::cast)
                .filter(c -> c.benefitCode().equals(code)).findFirst().orElseThrow();
    }

    private static RedeemCoupon redeem(CouponIssued coupon, String requestId, String amount, String channel) {
        return new RedeemCoupon(MEMBER, coupon.couponId(), requestId, "O-1", Money.of(amount, "CNY"), channel, NOW);
    }

    static ApplyTierChange change(String from, String to, TierChangeReason reason, Instant at, String causationId) {
        return new ApplyTierChange(MEMBER, "default", from, to, reason, at, at.plus(Duration.ofDays(365)), causationId);
    }

    private static List<Object> payloads(org.axonframework.test.aggregate.ResultValidator<MemberBenefits> result) {
        List<Object> payloads = new ArrayList<>();
        result.expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                org.axonframework.test.matchers.Matchers.matches((List<?> all) -> {
                    payloads.addAll(all);
                    return true;
                })));
        return payloads;
    }
}

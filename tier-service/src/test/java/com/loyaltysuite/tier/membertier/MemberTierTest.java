package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.tier.ladder.Ladders;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberTierTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant DAY_1 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant DAY_2 = Instant.parse("2026-11-24T09:30:00Z");

    AggregateTestFixture<MemberTier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberTier.class);
        fixture.registerInjectableResource(Ladders.standard());
    }

    @Test
    void spendBelowTheFirstThresholdIsRecordedWithoutAChange() {
        fixture.givenNoPriorActivity()
                .when(order("O-1", "499.99", DAY_1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded("O-1", "499.99", "499.99", DAY_1));
    }

    @Test
    void reachingAThresholdExactlyPromotesAsOfThePaidTime() {
        fixture.given(recorded("O-1", "300.00", "300.00", DAY_1))
                .when(order("O-2", "200.00", DAY_2))
                .expectEvents(
                        recorded("O-2", "200.00", "500.00", DAY_2),
                        changed("MEMBER", "SILVER", "500.00", DAY_2, Instant.parse("2027-11-24T09:30:00Z"), "O-1", "O-2"));
    }

    @Test
    void skippingTiersIsOneChangeStraightToTheTierReached() {
        fixture.given(recorded("O-1", "300.00", "300.00", DAY_1))
                .when(order("O-2", "5700.00", DAY_2))
                .expectEvents(
                        recorded("O-2", "5700.00", "6000.00", DAY_2),
                        changed("MEMBER", "DIAMOND", "6000.00", DAY_2, Instant.parse("2027-11-24T09:30:00Z"), "O-1", "O-2"));
    }

    @Test
    void aFirstOrderCanPromoteOnItsOwn() {
        fixture.givenNoPriorActivity()
                .when(order("O-1", "2000.00", DAY_1))
                .expectEvents(
                        recorded("O-1", "2000.00", "2000.00", DAY_1),
                        changed("MEMBER", "GOLD", "2000.00", DAY_1, Instant.parse("2027-11-23T10:00:00Z"), "O-1"));
    }

    @Test
    void aPromotionStartsFromTheTierHeld() {
        fixture.given(
                        recorded("O-1", "600.00", "600.00", DAY_1),
                        changed("MEMBER", "SILVER", "600.00", DAY_1, Instant.parse("2027-11-23T10:00:00Z"), "O-1"))
                .when(order("O-2", "1400.00", DAY_2))
                .expectEvents(
                        recorded("O-2", "1400.00", "2000.00", DAY_2),
                        changed("SILVER", "GOLD", "2000.00", DAY_2, Instant.parse("2027-11-24T09:30:00Z"), "O-1", "O-2"));
    }

    @Test
    void moreSpendWithinTheTierHeldChangesNothing() {
        fixture.given(
                        recorded("O-1", "600.00", "600.00", DAY_1),
                        changed("MEMBER", "SILVER", "600.00", DAY_1, Instant.parse("2027-11-23T10:00:00Z"), "O-1"))
                .when(order("O-2", "100.00", DAY_2))
                .expectEvents(recorded("O-2", "100.00", "700.00", DAY_2));
    }

    @Test
    void theSameOrderCountsOnceWhateverItsEventId() {
        fixture.given(recorded("O-1", "400.00", "400.00", DAY_1))
                .when(new RecordQualifyingOrder(
                        MEMBER, "default", OrderId.of("O-1"), Money.of("400.00", "CNY"), DAY_1, "evt-resent"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOrderInAnotherCurrencyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordQualifyingOrder(
                        MEMBER, "default", OrderId.of("O-9"), Money.of("600.00", "USD"), DAY_1, "evt-O-9"))
                .expectException(UnsupportedCurrencyException.class)
                .expectExceptionMessage("Orders in USD do not count towards tiers; the ladder counts CNY")
                .expectNoEvents();
    }

    @Test
    void anOrderWithANegativeAmountIsRefused() {
        fixture.given(recorded("O-1", "600.00", "600.00", DAY_1))
                .when(order("O-2", "-100.00", DAY_2))
                .expectException(NegativeOrderAmountException.class)
                .expectNoEvents();
    }

    static RecordQualifyingOrder order(String orderId, String amount, Instant paidAt) {
        return new RecordQualifyingOrder(
                MEMBER, "default", OrderId.of(orderId), Money.of(amount, "CNY"), paidAt, "evt-" + orderId);
    }

    static QualifyingSpendRecorded recorded(String orderId, String amount, String total, Instant paidAt) {
        return new QualifyingSpendRecorded(
                MEMBER,
                "default",
                OrderId.of(orderId),
                Money.of(amount, "CNY"),
                Money.of(total, "CNY"),
                paidAt,
                "evt-" + orderId);
    }

    static TierChanged changed(
            String from, String to, String total, Instant effectiveAt, Instant validUntil, String... orderIds) {
        return new TierChanged(
                MEMBER,
                "default",
                from,
                to,
                TierChangeReason.QUALIFIED,
                new QualifyingValue(new BigDecimal(total), "CNY"),
                "ladder-v1",
                effectiveAt,
                validUntil,
                List.of(orderIds).stream().map(id -> "evt-" + id).toList());
    }
}

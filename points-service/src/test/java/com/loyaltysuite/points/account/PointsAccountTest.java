package com.loyaltysuite.points.account;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.earning.EarningPolicy;
import com.loyaltysuite.points.earning.EarningProperties;
import com.loyaltysuite.points.earning.UnsupportedCurrencyException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PointsAccountTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant PAID_AT = Instant.parse("2026-11-23T10:00:00Z");

    AggregateTestFixture<PointsAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PointsAccount.class);
        fixture.registerInjectableResource(
                new EarningPolicy(new EarningProperties("CNY", 1L, "earning-v1", Duration.ofDays(7))));
    }

    @Test
    void aPaidOrderEarnsOnePointPerWholeYuanPendingForSevenDays() {
        fixture.givenNoPriorActivity()
                .when(earn("O-1", "599.99"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(earned("O-1", 599, "599.99"));
    }

    @Test
    void theSameOrderEarnsOnceWhateverItsEventId() {
        fixture.given(earned("O-1", 599, "599.00"))
                .when(new EarnPoints(MEMBER, "default", OrderId.of("O-1"), Money.of("599.00", "CNY"), PAID_AT, "evt-other"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherOrderEarnsAgain() {
        fixture.given(earned("O-1", 599, "599.00"))
                .when(earn("O-2", "10.00"))
                .expectEvents(earned("O-2", 10, "10.00"));
    }

    @Test
    void anOrderInAnotherCurrencyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new EarnPoints(MEMBER, "default", OrderId.of("O-9"), Money.of("10.00", "USD"), PAID_AT, "evt-9"))
                .expectException(UnsupportedCurrencyException.class)
                .expectNoEvents();
    }

    static EarnPoints earn(String orderId, String amount) {
        return new EarnPoints(MEMBER, "default", OrderId.of(orderId), Money.of(amount, "CNY"), PAID_AT, "evt-" + orderId);
    }

    static PointsEarned earned(String orderId, long points, String amount) {
        return new PointsEarned(
                MEMBER,
                "default",
                OrderId.of(orderId),
                points,
                points,
                new BigDecimal("1.0"),
                "MEMBER",
                "earning-v1",
                Money.of(amount, "CNY"),
                PAID_AT,
                PAID_AT.plus(Duration.ofDays(7)),
                "evt-" + orderId);
    }
}

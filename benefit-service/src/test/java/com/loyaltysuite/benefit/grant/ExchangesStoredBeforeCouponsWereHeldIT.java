package com.loyaltysuite.benefit.grant;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.benefit.coupon.Usability;
import com.loyaltysuite.benefit.grant.ExchangeCommands.CompleteExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.FailExchange;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.testsupport.StoredEventRows;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exchanges recorded before their coupons were held back until the confirmation: the coupon was issued
 * at once, and {@code ExchangeCouponGiven} carried no terms. The rows in
 * {@code history/exchanges-before-coupons-were-held.json} are in the shape the former code stored them.
 * Such an exchange still loads; confirmed, its coupon is not issued twice; refused, its issued coupon is
 * withdrawn as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class ExchangesStoredBeforeCouponsWereHeldIT {

    static final MemberId KEPT = MemberId.of("M-recorded-exchange-kept");
    static final MemberId LOST = MemberId.of("M-recorded-exchange-lost");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Test
    void anExchangeWhoseCouponWasIssuedAtOnceCompletesWithoutASecondCouponOrFailsWithdrawingIt() {
        StoredEventRows.append(jdbc.getDataSource(), getClass(), "/history/exchanges-before-coupons-were-held.json");
        Instant now = Instant.now();

        ExchangeView completed = commands.sendAndWait(new CompleteExchange(KEPT, "e2a4c6f8-0000-4000-8000-00000000000a", now));
        ExchangeView failed = commands.sendAndWait(
                new FailExchange(LOST, "e2a4c6f8-0000-4000-8000-00000000000b", "reservation-closed", now));

        assertThat(completed.status()).isEqualTo("COMPLETED");
        assertThat(completed.couponId()).isEqualTo("c0c0c0c0-0000-4000-8000-00000000000a");
        assertThat(payloads(KEPT)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ExchangeStarted", "ExchangePointsReserved", "CouponIssued", "ExchangeCouponGiven",
                        "ExchangeCompleted");
        Usability kept = commands.sendAndWait(new CheckBenefit(KEPT, completed.couponId(), Money.of("50.00", "CNY"), "APP", now));
        assertThat(kept).isEqualTo(Usability.USABLE);

        assertThat(failed.status()).isEqualTo("FAILED");
        List<Object> lost = payloads(LOST);
        assertThat(lost).extracting(e -> e.getClass().getSimpleName()).endsWith("CouponWithdrawn", "ExchangeFailed");
        assertThat(((CouponWithdrawn) lost.get(lost.size() - 2)).reason()).isEqualTo("EXCHANGE_FAILED");
        Usability withdrawn = commands.sendAndWait(
                new CheckBenefit(LOST, failed.couponId(), Money.of("50.00", "CNY"), "APP", now));
        assertThat(withdrawn).isEqualTo(Usability.REVOKED);
    }

    private List<Object> payloads(MemberId member) {
        return eventStore.readEvents(member.value()).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }
}

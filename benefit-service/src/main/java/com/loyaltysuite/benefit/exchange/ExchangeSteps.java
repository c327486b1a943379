package com.loyaltysuite.benefit.exchange;

import com.loyaltysuite.benefit.grant.ExchangeCommands.CompleteExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.DescribeExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.FailExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.IssueExchangeCoupon;
import com.loyaltysuite.benefit.grant.ExchangeCommands.RecordExchangeReserved;
import com.loyaltysuite.benefit.grant.ExchangeView;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The points exchange saga (积分兑换): reserve the points in points-service, hold the coupon for the member,
 * confirm the reservation, and only then issue the coupon (usable, its code published); if the coupon may
 * not be held, cancel the reservation; if the confirmation is refused (the reservation expired meanwhile),
 * the held coupon is never issued. Each step runs when its durable timer fires, records its outcome on the
 * member's {@code MemberBenefits} in the timer's transaction, and the next step's timer is set in that same
 * transaction. A crash anywhere leaves the timer pending, and the step is repeated: points-service's calls
 * are idempotent, and the aggregate ignores a step already recorded; a step whose exchange has moved on
 * calls nothing. So an exchange ends with the points spent and the coupon usable, or neither.
 */
@Component
public class ExchangeSteps {

    private static final Logger log = LoggerFactory.getLogger(ExchangeSteps.class);

    /** The status an exchange is in while each step is to be taken. */
    private static final Map<String, String> STATUS_OF_STEP = Map.of(
            ExchangeStep.RESERVE, "STARTED",
            ExchangeStep.ISSUE, "RESERVED",
            ExchangeStep.CONFIRM, "ISSUED",
            ExchangeStep.CANCEL, "CANCELLING");

    private final PointsReservations points;
    private final CommandGateway commands;

    ExchangeSteps(PointsReservations points, CommandGateway commands) {
        this.points = points;
        this.commands = commands;
    }

    public void run(MemberId member, Instant at, ExchangeStep step) {
        ExchangeView exchange = commands.sendAndWait(new DescribeExchange(member, step.exchangeId()));
        if (!exchange.status().equals(STATUS_OF_STEP.get(step.step()))) {
            return; // taken before (its timer fired again): nothing to ask points-service
        }
        switch (step.step()) {
            case ExchangeStep.RESERVE -> reserve(member, at, step);
            case ExchangeStep.ISSUE -> commands.sendAndWait(new IssueExchangeCoupon(member, step.exchangeId(), at));
            case ExchangeStep.CONFIRM -> confirm(member, at, step);
            case ExchangeStep.CANCEL -> cancel(member, at, step);
            default -> throw new IllegalArgumentException("No exchange step " + step.step());
        }
    }

    private void reserve(MemberId member, Instant at, ExchangeStep step) {
        String reservationId;
        try {
            reservationId = points.reserve(member, "exchange-" + step.exchangeId(), "exchange-" + step.exchangeId(), step.points());
        } catch (PointsRefusedException refused) {
            commands.sendAndWait(new FailExchange(member, step.exchangeId(), refused.code(), at));
            return;
        }
        commands.sendAndWait(new RecordExchangeReserved(member, step.exchangeId(), reservationId, at));
    }

    private void confirm(MemberId member, Instant at, ExchangeStep step) {
        try {
            points.confirm(member, step.reservationId());
        } catch (PointsRefusedException refused) {
            commands.sendAndWait(new FailExchange(member, step.exchangeId(), refused.code(), at));
            return;
        }
        commands.sendAndWait(new CompleteExchange(member, step.exchangeId(), at));
    }

    private void cancel(MemberId member, Instant at, ExchangeStep step) {
        try {
            points.cancel(member, step.reservationId());
        } catch (PointsRefusedException refused) {
            // Refused for good: a confirmed reservation (this saga confirms only once a coupon is held) or an
            // unknown one. Asking again would change nothing, so the exchange ends, recorded for support to
            // look at; a reservation that is still open expires at points-service by itself.
            log.warn("Exchange {} of {}: points-service refused to cancel reservation {} ({}); the exchange ends as CANCEL_REFUSED",
                    step.exchangeId(), member.value(), step.reservationId(), refused.code());
            commands.sendAndWait(new FailExchange(member, step.exchangeId(), "CANCEL_REFUSED", at));
            return;
        }
        commands.sendAndWait(new FailExchange(member, step.exchangeId(), "ISSUE_REFUSED", at));
    }
}

package com.loyaltysuite.benefit.exchange;

import com.loyaltysuite.benefit.grant.ExchangeCommands.CompleteExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.FailExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.IssueExchangeCoupon;
import com.loyaltysuite.benefit.grant.ExchangeCommands.RecordExchangeReserved;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The points exchange saga (积分兑换): reserve the points in points-service, issue the coupon, confirm the
 * reservation; if the coupon may not be issued, cancel the reservation; if the confirmation is refused
 * (the reservation expired meanwhile), withdraw the coupon. Each step runs when its durable timer fires,
 * records its outcome on the member's {@code MemberBenefits} in the timer's transaction, and the next
 * step's timer is set in that same transaction. A crash anywhere leaves the timer pending, and the
 * step is repeated: points-service's calls are idempotent, and the aggregate ignores a step already
 * recorded. So an exchange ends with the points spent and the coupon held, or neither.
 */
@Component
public class ExchangeSteps {

    private final PointsReservations points;
    private final CommandGateway commands;

    ExchangeSteps(PointsReservations points, CommandGateway commands) {
        this.points = points;
        this.commands = commands;
    }

    public void run(MemberId member, Instant at, ExchangeStep step) {
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
            // Only a confirmed reservation refuses to be cancelled, and this saga confirms only after issuing.
            throw new IllegalStateException("Reservation " + step.reservationId() + " cannot be cancelled: " + refused.getMessage());
        }
        commands.sendAndWait(new FailExchange(member, step.exchangeId(), "ISSUE_REFUSED", at));
    }
}

package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of the points exchange saga (积分兑换), each a step of one exchange of the member's: start,
 * points reserved, hold the coupon, complete (the held coupon issued), or fail (the held coupon never issued).
 * Every one is idempotent: a step already taken is answered with the exchange as it stands.
 */
public final class ExchangeCommands {

    private ExchangeCommands() {}

    /** Start buying {@code item} with points; {@code requestId} is the caller's idempotency key. Answered with an {@link ExchangeView}. */
    public record StartExchange(
            @TargetAggregateIdentifier MemberId memberId, String programId, String requestId, String item, Instant at) {}

    /** points-service holds the exchange's points under {@code reservationId}. */
    public record RecordExchangeReserved(
            @TargetAggregateIdentifier MemberId memberId, String exchangeId, String reservationId, Instant at) {}

    /** Hold the exchange's coupon for the member, if they may still get it: issued only on {@link CompleteExchange}. */
    public record IssueExchangeCoupon(@TargetAggregateIdentifier MemberId memberId, String exchangeId, Instant at) {}

    /** points-service confirmed the reservation: the points are spent, and the held coupon is issued. */
    public record CompleteExchange(@TargetAggregateIdentifier MemberId memberId, String exchangeId, Instant at) {}

    /** The exchange cannot complete ({@code reason}); a coupon held for it is never issued. */
    public record FailExchange(@TargetAggregateIdentifier MemberId memberId, String exchangeId, String reason, Instant at) {}

    /** Answered with the exchange as it stands ({@link ExchangeView}), or 404 when the member has none of this id. */
    public record DescribeExchange(@TargetAggregateIdentifier MemberId memberId, String exchangeId) {}
}

package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of the points exchange saga (积分兑换), each a step of one exchange of the member's: start,
 * points reserved, issue the coupon, complete, or fail (with the coupon withdrawn if it was issued).
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

    /** Issue the exchange's coupon, if the member may still get it. */
    public record IssueExchangeCoupon(@TargetAggregateIdentifier MemberId memberId, String exchangeId, Instant at) {}

    /** points-service confirmed the reservation: the points are spent. */
    public record CompleteExchange(@TargetAggregateIdentifier MemberId memberId, String exchangeId, Instant at) {}

    /** The exchange cannot complete ({@code reason}); its coupon, if issued, is withdrawn. */
    public record FailExchange(@TargetAggregateIdentifier MemberId memberId, String exchangeId, String reason, Instant at) {}

    /** Answered with the exchange as it stands ({@link ExchangeView}), or 404 when the member has none of this id. */
    public record DescribeExchange(@TargetAggregateIdentifier MemberId memberId, String exchangeId) {}
}

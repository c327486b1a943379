package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Stored, internal: the steps of a points exchange. Its coupon is a {@link CouponIssued} (published as {@code BenefitGranted}). */
public final class ExchangeEvents {

    private ExchangeEvents() {}

    /** An exchange of {@code points} for the catalogue's {@code item} began, at the rate of {@code tier}. */
    public record ExchangeStarted(
            MemberId memberId,
            String programId,
            String exchangeId,
            String requestId,
            String item,
            String coupon,
            long points,
            String tier,
            Instant startedAt) {}

    public record ExchangePointsReserved(MemberId memberId, String exchangeId, String reservationId, long points, Instant at) {}

    public record ExchangeCouponGiven(MemberId memberId, String exchangeId, String couponId, String reservationId, Instant at) {}

    /** The coupon may not be issued ({@code reason}): the reservation is to be cancelled. */
    public record ExchangeIssueRefused(MemberId memberId, String exchangeId, String reservationId, String reason, Instant at) {}

    public record ExchangeCompleted(MemberId memberId, String exchangeId, Instant at) {}

    public record ExchangeFailed(MemberId memberId, String exchangeId, String reason, Instant at) {}
}

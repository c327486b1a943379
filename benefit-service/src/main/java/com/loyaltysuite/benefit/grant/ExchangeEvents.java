package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import java.time.Instant;
import java.util.List;

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

    /**
     * The exchange's coupon is decided and held for the member, not yet issued: its terms are fixed here, and
     * it becomes a {@link CouponIssued} (usable, listed, its code drawn and published) only once points-service
     * has confirmed the reservation; if the confirmation is refused it never does. Stored before the coupon was
     * held back (the coupon then issued at once, with this event), the terms are null.
     */
    public record ExchangeCouponGiven(
            MemberId memberId,
            String exchangeId,
            String couponId,
            String reservationId,
            Instant at,
            String benefitCode,
            String description,
            Money faceValue,
            Money minSpend,
            List<String> channels,
            boolean tierExclusive,
            Instant validFrom,
            Instant validUntil,
            String catalogueVersion) {

        public ExchangeCouponGiven {
            channels = channels == null ? List.of() : List.copyOf(channels);
        }

        /** Whether the coupon's terms are here, to issue it on confirmation (not so in events stored before). */
        boolean holdsTheCoupon() {
            return benefitCode != null;
        }
    }

    /** The coupon may not be issued ({@code reason}): the reservation is to be cancelled. */
    public record ExchangeIssueRefused(MemberId memberId, String exchangeId, String reservationId, String reason, Instant at) {}

    public record ExchangeCompleted(MemberId memberId, String exchangeId, Instant at) {}

    public record ExchangeFailed(MemberId memberId, String exchangeId, String reason, Instant at) {}
}

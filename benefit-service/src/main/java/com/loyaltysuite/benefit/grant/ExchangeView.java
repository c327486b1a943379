package com.loyaltysuite.benefit.grant;

/**
 * A points exchange as it stands. {@code status}: {@code STARTED} (reserving points), {@code RESERVED},
 * {@code ISSUED} (coupon issued, confirming), {@code CANCELLING} (releasing the points), {@code COMPLETED}
 * (points spent, coupon held) or {@code FAILED} ({@code reason}; no points spent, no coupon held).
 */
public record ExchangeView(
        String exchangeId,
        String memberId,
        String requestId,
        String item,
        long points,
        String status,
        String reservationId,
        String couponId,
        String reason) {

    ExchangeView with(String newStatus, String newReservationId, String newCouponId, String newReason) {
        return new ExchangeView(exchangeId, memberId, requestId, item, points, newStatus, newReservationId, newCouponId, newReason);
    }
}

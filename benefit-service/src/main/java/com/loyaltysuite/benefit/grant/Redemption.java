package com.loyaltysuite.benefit.grant;

import java.time.Instant;

/**
 * A redemption as the checkout sees it: {@code status} {@code REDEEMED}, or after a reversal
 * {@code RESTORED} (the coupon can be used again until {@code validUntil}) or {@code REVERSED} (it had expired).
 */
public record Redemption(
        String requestId, String memberId, String benefitId, String orderId, String status, Instant redeemedAt, Instant validUntil) {

    Redemption withStatus(String newStatus) {
        return new Redemption(requestId, memberId, benefitId, orderId, newStatus, redeemedAt, validUntil);
    }
}

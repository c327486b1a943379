package com.loyaltysuite.events.benefit;

import com.loyaltysuite.events.Money;
import java.time.Instant;
import java.util.List;

/**
 * What a coupon granted in {@link BenefitGranted} is worth and where it can be used.
 *
 * @param code the coupon's code in clear (groups of Crockford base32 separated by {@code -}): the one place
 *     it is published, so that notification-service can hand it to its owner; benefit-service keeps only a
 *     hash and a sealed copy of it
 * @param faceValue the amount it takes off an order
 * @param minSpend the order amount it needs (zero: no threshold, 无门槛)
 * @param channels the order channels it can be used in (e.g. {@code APP}, {@code WEB}, {@code STORE}); empty: any
 * @param validFrom from when it can be used; it can be used until the grant's {@code validUntil}
 */
public record CouponTerms(String code, Money faceValue, Money minSpend, List<String> channels, Instant validFrom) {

    public CouponTerms {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}

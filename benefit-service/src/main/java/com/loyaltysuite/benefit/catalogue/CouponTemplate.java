package com.loyaltysuite.benefit.catalogue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A kind of coupon the programme issues (专享优惠券): what it takes off, the order amount it needs, how
 * long it is valid after issue and in which channels it is accepted.
 *
 * @param description as shown to the member
 * @param faceValue amount taken off the order
 * @param minSpend order amount needed; zero for none (无门槛)
 * @param validity from issue
 * @param channels order channels that accept it; empty: all
 * @param tierExclusive usable only while the member holds the tier it was issued with (or a higher one);
 *     by default an issued coupon stays usable until it expires, whatever the tier
 */
public record CouponTemplate(
        String description,
        BigDecimal faceValue,
        BigDecimal minSpend,
        Duration validity,
        List<String> channels,
        boolean tierExclusive) {

    public CouponTemplate {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(faceValue, "face-value");
        minSpend = minSpend == null ? BigDecimal.ZERO : minSpend;
        Objects.requireNonNull(validity, "validity");
        channels = channels == null ? List.of() : List.copyOf(channels);
        if (faceValue.signum() <= 0 || minSpend.signum() < 0) {
            throw new IllegalArgumentException("A coupon takes off a positive amount and needs no negative spend");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("A coupon's validity must be positive, was " + validity);
        }
    }
}

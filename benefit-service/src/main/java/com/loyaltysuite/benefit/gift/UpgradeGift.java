package com.loyaltysuite.benefit.gift;

import java.time.Duration;
import java.util.Objects;

/**
 * The gift pack (升级礼包) a member receives on reaching a tier.
 *
 * @param code the benefit code recorded on the grant, stable across description changes
 * @param description what the member gets, as shown to them
 * @param validity how long the gift can be used after it was granted
 */
public record UpgradeGift(String code, String description, Duration validity) {

    public UpgradeGift {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity of " + code + " must be positive, was " + validity);
        }
    }
}

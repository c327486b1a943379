package com.loyaltysuite.benefit.catalogue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A benefit held while the member's tier includes it. Two tiers' benefits of one {@code type} are the
 * same benefit when their {@code code} is the same; a higher tier's benefit of a type replaces a lower
 * tier's.
 *
 * @param code stable code recorded on the grant, e.g. {@code MEMBER_PRICE_95}
 * @param type what it is
 * @param description as shown to the member
 * @param priceFactor for {@link BenefitType#MEMBER_PRICE}: the share of the list price paid (0 &lt; f ≤ 1); else null
 */
public record StandingBenefit(String code, BenefitType type, String description, BigDecimal priceFactor) {

    public StandingBenefit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (type == BenefitType.MEMBER_PRICE
                && (priceFactor == null || priceFactor.signum() <= 0 || priceFactor.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("The member price " + code + " needs a price-factor in (0, 1], was " + priceFactor);
        }
        if (type != BenefitType.MEMBER_PRICE) {
            priceFactor = null;
        }
    }
}

package com.loyaltysuite.benefit.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * What one tier of the ladder comes with, as configured. Tier codes are tier-service's
 * ({@code MEMBER}, {@code SILVER}, …), listed lowest first.
 *
 * @param code the tier code
 * @param inherits whether the tier also includes the standing benefits and birthday gift of the tiers
 *     below it (default true)
 * @param benefits its own standing benefits
 * @param upgradePack codes of the coupons of its upgrade gift pack (升级礼包); empty: none
 * @param birthdayGift codes of the coupons of its birthday gift (生日礼); empty: the tier below's, if inherited
 */
public record TierBenefits(
        String code, Boolean inherits, List<StandingBenefit> benefits, List<String> upgradePack, List<String> birthdayGift) {

    public TierBenefits {
        Objects.requireNonNull(code, "code");
        inherits = inherits == null || inherits;
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        upgradePack = upgradePack == null ? List.of() : List.copyOf(upgradePack);
        birthdayGift = birthdayGift == null ? List.of() : List.copyOf(birthdayGift);
    }
}

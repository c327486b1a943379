package com.loyaltysuite.tier.ladder;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tier ladder of the programme, as configured.
 *
 * @param policyVersion recorded on every decision, so a decision can be traced to the rules it used
 * @param currency the currency qualifying spend is counted in (with {@code loyalty.tier.basis=SPEND});
 *     orders in another one do not count
 * @param validity how long a tier reached is held, from the moment it was reached
 * @param tiers the rungs, lowest first; the first one (threshold 0) is where every member starts
 */
@ConfigurationProperties("loyalty.tier.ladder")
public record LadderProperties(String policyVersion, String currency, Period validity, List<TierProperties> tiers) {

    public LadderProperties {
        currency = currency == null ? "CNY" : currency;
        validity = validity == null ? Period.ofMonths(12) : validity;
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** One configured rung; {@code retentionThreshold} defaults to {@code threshold}. */
    public record TierProperties(
            String code, String nameZhCn, String nameEn, BigDecimal threshold, BigDecimal retentionThreshold) {

        Tier toTier() {
            return new Tier(code, nameZhCn, nameEn, threshold, retentionThreshold);
        }
    }

    public List<Tier> toTiers() {
        return tiers.stream().map(TierProperties::toTier).toList();
    }
}

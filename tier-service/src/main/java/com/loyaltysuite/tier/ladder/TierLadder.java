package com.loyaltysuite.tier.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tier ladder (会员等级阶梯): which tier a qualifying value reaches, and what is next. Plain Java,
 * no I/O; tiers are ordered by threshold, the lowest (threshold 0) being the entry tier.
 */
public class TierLadder {

    private final String policyVersion;
    private final String currency;
    private final Period validity;
    private final List<Tier> tiers;

    public TierLadder(String policyVersion, String currency, Period validity, List<Tier> tiers) {
        if (policyVersion == null || policyVersion.isBlank()) {
            throw new InvalidLadderException("a policy version is required");
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new InvalidLadderException("validity must be a positive period, not " + validity);
        }
        if (tiers == null || tiers.isEmpty()) {
            throw new InvalidLadderException("it has no tiers");
        }
        this.policyVersion = policyVersion;
        this.currency = currency;
        this.validity = validity;
        this.tiers = normalised(tiers, fractionDigits(currency));
    }

    public String policyVersion() {
        return policyVersion;
    }

    public String currency() {
        return currency;
    }

    public Period validity() {
        return validity;
    }

    /** Every tier, lowest first. */
    public List<Tier> tiers() {
        return tiers;
    }

    /** Where every member starts. */
    public Tier entry() {
        return tiers.get(0);
    }

    public Tier tier(String code) {
        return tiers.get(rankOf(code));
    }

    /** The highest tier whose threshold {@code qualifyingValue} reaches. */
    public Tier reachedBy(BigDecimal qualifyingValue) {
        Tier reached = entry();
        for (Tier tier : tiers) {
            if (qualifyingValue.compareTo(tier.threshold()) >= 0) {
                reached = tier;
            }
        }
        return reached;
    }

    /** Whether {@code candidate} is higher on the ladder than the tier {@code heldCode}. */
    public boolean isAbove(Tier candidate, String heldCode) {
        return rankOf(candidate.code()) > rankOf(heldCode);
    }

    /** The tier above {@code heldCode} and what {@code qualifyingValue} still lacks for it; none at the top. */
    public Optional<NextTier> next(String heldCode, BigDecimal qualifyingValue) {
        int rank = rankOf(heldCode);
        if (rank == tiers.size() - 1) {
            return Optional.empty();
        }
        Tier next = tiers.get(rank + 1);
        BigDecimal zero = BigDecimal.ZERO.setScale(next.threshold().scale());
        BigDecimal missing = next.threshold().subtract(qualifyingValue).max(zero);
        return Optional.of(new NextTier(next, missing));
    }

    /** The tier above the one {@code qualifyingValue} reaches. */
    public Optional<NextTier> next(BigDecimal qualifyingValue) {
        return next(reachedBy(qualifyingValue).code(), qualifyingValue);
    }

    /**
     * Until when a tier reached at {@code effectiveAt} is held. Months are calendar months in UTC, so a
     * tier reached on 23 November is held until 23 November of the next year.
     */
    public Instant validUntil(Instant effectiveAt) {
        return effectiveAt.atZone(ZoneOffset.UTC).plus(validity).toInstant();
    }

    private int rankOf(String code) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new UnknownTierException(code);
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (RuntimeException e) {
            throw new InvalidLadderException("'" + currency + "' is not an ISO-4217 currency");
        }
    }

    private static List<Tier> normalised(List<Tier> configured, int fractionDigits) {
        List<Tier> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Tier tier : configured) {
            if (tier.code() == null || tier.code().isBlank() || !codes.add(tier.code())) {
                throw new InvalidLadderException("tier codes must be present and distinct: " + tier.code());
            }
            if (tier.threshold() == null) {
                throw new InvalidLadderException(tier.code() + " has no threshold");
            }
            BigDecimal threshold;
            try {
                threshold = tier.threshold().setScale(fractionDigits, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new InvalidLadderException(tier.code() + "'s threshold has more decimals than its currency");
            }
            if (!result.isEmpty() && threshold.compareTo(result.get(result.size() - 1).threshold()) <= 0) {
                throw new InvalidLadderException("thresholds must rise strictly, lowest tier first; " + tier.code()
                        + " does not");
            }
            result.add(new Tier(tier.code(), tier.nameZhCn(), tier.nameEn(), threshold));
        }
        if (result.get(0).threshold().signum() != 0) {
            throw new InvalidLadderException("the first tier is the entry tier and needs threshold 0");
        }
        return List.copyOf(result);
    }
}

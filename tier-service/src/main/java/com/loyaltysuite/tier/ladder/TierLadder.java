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
 * no I/O; tiers are ordered by threshold, the lowest (threshold 0) being the entry tier. Values are
 * in one unit: an ISO-4217 currency (qualifying spend) or {@link #POINTS} (earned points, 成长值).
 */
public class TierLadder {

    /** The unit of a ladder measured in earned points rather than money. */
    public static final String POINTS = "POINTS";

    private final String policyVersion;
    private final String unit;
    private final Period validity;
    private final List<Tier> tiers;

    public TierLadder(String policyVersion, String unit, Period validity, List<Tier> tiers) {
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
        this.unit = unit;
        this.validity = validity;
        this.tiers = normalised(tiers, fractionDigits(unit));
    }

    public String policyVersion() {
        return policyVersion;
    }

    /** The unit thresholds and qualifying values are in: a currency code or {@link #POINTS}. */
    public String unit() {
        return unit;
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

    /** Position on the ladder, 0 for the entry tier. */
    public int rankOf(String code) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new UnknownTierException(code);
    }

    public boolean contains(String code) {
        return tiers.stream().anyMatch(tier -> tier.code().equals(code));
    }

    /** The tier just below {@code code}; the entry tier stays where it is. */
    public Tier below(String code) {
        return tiers.get(Math.max(0, rankOf(code) - 1));
    }

    /** The higher of two tiers. */
    public Tier higher(String a, String b) {
        return tiers.get(Math.max(rankOf(a), rankOf(b)));
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

    /** Until when {@code code}, reached (or kept) at {@code effectiveAt}, is held; null for the entry tier, never lost. */
    public Instant validUntil(String code, Instant effectiveAt) {
        return rankOf(code) == 0 ? null : validUntil(effectiveAt);
    }

    /** {@code value} at the scale of the ladder's unit (a sum of nothing, 0, reads 0.00 in CNY). */
    public BigDecimal inUnit(BigDecimal value) {
        int scale = entry().threshold().scale();
        return value.scale() < scale ? value.setScale(scale) : value;
    }

    /**
     * This ladder with any of {@code policyVersion}, {@code validity} and {@code tiers} that are not
     * null in place of its own; the unit stays. Throws {@link InvalidLadderException} if it cannot work.
     */
    public TierLadder with(String policyVersion, Period validity, List<Tier> tiers) {
        return new TierLadder(
                policyVersion != null ? policyVersion : this.policyVersion,
                unit,
                validity != null ? validity : this.validity,
                tiers != null ? tiers : this.tiers);
    }

    private static int fractionDigits(String unit) {
        if (POINTS.equals(unit)) {
            return 0;
        }
        try {
            return Math.max(0, Currency.getInstance(unit).getDefaultFractionDigits());
        } catch (RuntimeException e) {
            throw new InvalidLadderException("'" + unit + "' is neither an ISO-4217 currency nor " + POINTS);
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
            BigDecimal retention;
            try {
                threshold = tier.threshold().setScale(fractionDigits, RoundingMode.UNNECESSARY);
                retention = tier.retentionThreshold().setScale(fractionDigits, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new InvalidLadderException(tier.code() + "'s threshold has more decimals than its unit");
            }
            if (retention.signum() < 0 || retention.compareTo(threshold) > 0) {
                throw new InvalidLadderException(
                        tier.code() + "'s retention threshold must be between 0 and its entry threshold");
            }
            if (!result.isEmpty() && threshold.compareTo(result.get(result.size() - 1).threshold()) <= 0) {
                throw new InvalidLadderException("thresholds must rise strictly, lowest tier first; " + tier.code()
                        + " does not");
            }
            result.add(new Tier(tier.code(), tier.nameZhCn(), tier.nameEn(), threshold, retention));
        }
        if (result.get(0).threshold().signum() != 0) {
            throw new InvalidLadderException("the first tier is the entry tier and needs threshold 0");
        }
        return List.copyOf(result);
    }
}

package com.loyaltysuite.tier.policy;

import com.loyaltysuite.events.tier.RegainTarget;
import com.loyaltysuite.tier.ladder.NextTier;
import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The tier rules in force (plain Java, no I/O, no clock): the ladder, what counts and over which
 * window, how long a tier is held and what happens when it ends. Callers ask it, not the ladder
 * behind it. Every decision it makes names the ladder's policy version, the window and the events
 * counted. The rules themselves live in {@link Promotion} (evaluation on a new order),
 * {@link Retention} (validity end, grace, demotion, risk) and {@link QualifyingLedger} with
 * {@link QualifyingWindow} (what counts, over which window).
 */
public final class TierPolicy {

    private final TierLadder ladder;
    private final QualifyingBasis basis;
    private final QualifyingWindow window;
    private final Duration atRiskNotice;
    private final Promotion promotion;
    private final Retention retention;

    /**
     * @param gracePeriod time a member short of retention keeps the tier before being demoted (zero: none)
     * @param atRiskNotice how long before validity ends a member short of retention is warned
     */
    public TierPolicy(
            TierLadder ladder,
            QualifyingBasis basis,
            QualifyingWindow window,
            DemotionPolicy demotion,
            Period gracePeriod,
            Duration atRiskNotice) {
        Period grace = gracePeriod == null ? Period.ZERO : gracePeriod;
        Duration notice = atRiskNotice == null ? Duration.ofDays(30) : atRiskNotice;
        if (grace.isNegative() || notice.isNegative()) {
            throw new IllegalArgumentException("grace period and at-risk notice cannot be negative");
        }
        this.ladder = ladder;
        this.basis = basis == null ? QualifyingBasis.SPEND : basis;
        this.window = window == null ? QualifyingWindow.rolling12Months() : window;
        this.atRiskNotice = notice;
        this.promotion = new Promotion(ladder, this.window);
        this.retention = new Retention(
                ladder, this.window, demotion == null ? DemotionPolicy.SOFT_LANDING : demotion, grace);
    }

    public QualifyingBasis basis() {
        return basis;
    }

    public QualifyingWindow window() {
        return window;
    }

    public DemotionPolicy demotion() {
        return retention.demotion();
    }

    public Period gracePeriod() {
        return retention.gracePeriod();
    }

    public Duration atRiskNotice() {
        return atRiskNotice;
    }

    public String policyVersion() {
        return ladder.policyVersion();
    }

    /** The unit values are counted in: a currency code or {@link TierLadder#POINTS}. */
    public String unit() {
        return ladder.unit();
    }

    /** How long a tier reached or kept is held. */
    public Period validity() {
        return ladder.validity();
    }

    /** Every tier, lowest first. */
    public List<Tier> tiers() {
        return ladder.tiers();
    }

    /** The tier {@code code}; throws {@code UnknownTierException} for a code not on the ladder. */
    public Tier tier(String code) {
        return ladder.tier(code);
    }

    public boolean hasTier(String code) {
        return ladder.contains(code);
    }

    /** The code of the tier every member starts at. */
    public String entryTier() {
        return ladder.entry().code();
    }

    /** The standing of a member no rule has decided on yet. */
    public EarnedTier entryStanding() {
        return EarnedTier.entry(entryTier());
    }

    /** Whether tier {@code a} stands higher on the ladder than tier {@code b}. */
    public boolean ranksAbove(String a, String b) {
        return compare(a, b) > 0;
    }

    /** Positive when tier {@code a} stands higher than {@code b}, negative when lower, 0 for the same tier. */
    public int compare(String a, String b) {
        return Integer.compare(ladder.rankOf(a), ladder.rankOf(b));
    }

    /** The tier above {@code held} and what {@code value} still lacks for it; none at the top. */
    public Optional<NextTier> next(String held, BigDecimal value) {
        return ladder.next(held, value);
    }

    /**
     * What a member demoted from {@code lost} with {@code value} over the window lacks to regain it (its
     * entry threshold, as a promotion would need): the missing value in the ladder's unit, and the window's
     * length (none for a calendar-year window). Empty when nothing is missing.
     */
    public Optional<RegainTarget> toRegain(String lost, BigDecimal value) {
        BigDecimal missing = ladder.tier(lost).threshold().subtract(value);
        if (missing.signum() <= 0) {
            return Optional.empty();
        }
        String length = window.kind() == WindowKind.ROLLING ? window.length().toString() : null;
        return Optional.of(new RegainTarget(lost, missing, ladder.unit(), length));
    }

    public Window windowAt(Instant at) {
        return window.endingAt(at);
    }

    /** The qualifying value over the window ending at {@code at}, in the ladder's unit. */
    public BigDecimal valueAt(QualifyingLedger ledger, Instant at) {
        return ladder.inUnit(ledger.valueIn(windowAt(at)));
    }

    /** Promotion after an order at {@code activityAt} was counted; see {@link Promotion}. */
    public Optional<TierDecision> promotion(QualifyingLedger ledger, EarnedTier held, Instant activityAt) {
        return promotion.after(ledger, held, activityAt);
    }

    /** Re-evaluation when {@code held} falls due (end of validity or grace); see {@link Retention}. */
    public TierDecision atDue(QualifyingLedger ledger, EarnedTier held) {
        return retention.atDue(ledger, held);
    }

    /** Whether {@code held} is short of retention for the validity it holds. */
    public Optional<RiskAssessment> risk(QualifyingLedger ledger, EarnedTier held) {
        return retention.risk(ledger, held);
    }

    /** The tier {@code held} turns into when its validity ends, counting the orders known now (grace ignored). */
    public String projectedTier(QualifyingLedger ledger, String held, Instant validUntil) {
        return retention.projectedTier(ledger, held, validUntil);
    }

    /** What is missing to keep {@code held} at {@code validUntil}; zero when it is kept. */
    public BigDecimal neededToKeep(QualifyingLedger ledger, String held, Instant validUntil) {
        return retention.neededToKeep(ledger, held, validUntil);
    }

    /**
     * These rules with a ladder revised by {@code policyVersion}, {@code validity}, {@code tiers} and
     * another window, demotion and grace period, each kept as in force where null; basis and at-risk
     * notice stay. Throws {@code InvalidLadderException} or {@link IllegalArgumentException} naming
     * what cannot work.
     */
    public TierPolicy revised(
            String policyVersion,
            Period validity,
            List<Tier> tiers,
            QualifyingWindow window,
            DemotionPolicy demotion,
            Period gracePeriod) {
        return new TierPolicy(
                ladder.with(policyVersion, validity, tiers),
                basis,
                window != null ? window : this.window,
                demotion != null ? demotion : demotion(),
                gracePeriod != null ? gracePeriod : gracePeriod(),
                atRiskNotice);
    }
}

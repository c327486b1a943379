package com.loyaltysuite.tier.policy;

import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tier rules in force (plain Java, no I/O, no clock): the ladder, what counts and over which
 * window, how long a tier is held and what happens when it ends. Every decision it makes names the
 * ladder's policy version, the window and the events counted.
 *
 * @param gracePeriod time a member short of retention keeps the tier before being demoted (zero: none)
 * @param atRiskNotice how long before validity ends a member short of retention is warned
 */
public record TierPolicy(
        TierLadder ladder,
        QualifyingBasis basis,
        QualifyingWindow window,
        DemotionPolicy demotion,
        Period gracePeriod,
        Duration atRiskNotice) {

    public TierPolicy {
        basis = basis == null ? QualifyingBasis.SPEND : basis;
        window = window == null ? QualifyingWindow.rolling12Months() : window;
        demotion = demotion == null ? DemotionPolicy.SOFT_LANDING : demotion;
        gracePeriod = gracePeriod == null ? Period.ZERO : gracePeriod;
        atRiskNotice = atRiskNotice == null ? Duration.ofDays(30) : atRiskNotice;
        if (gracePeriod.isNegative() || atRiskNotice.isNegative()) {
            throw new IllegalArgumentException("grace period and at-risk notice cannot be negative");
        }
    }

    public String policyVersion() {
        return ladder.policyVersion();
    }

    public String unit() {
        return ladder.unit();
    }

    public Window windowAt(Instant at) {
        return window.endingAt(at);
    }

    public BigDecimal valueAt(QualifyingLedger ledger, Instant at) {
        return scaled(ledger.valueIn(windowAt(at)));
    }

    /** Until when {@code tier}, reached at {@code from}, is held; null for the entry tier. */
    public Instant validUntil(String tier, Instant from) {
        return ladder.rankOf(tier) == 0 ? null : ladder.validUntil(from);
    }

    /**
     * Promotion after an order at {@code activityAt} was counted. The qualifying value is counted at
     * that order's time and at the time of each later order (a back-dated order also raises the
     * windows after it); the highest tier reached wins, taking effect at the first instant it was
     * reached — one decision however many tiers are passed. Never before {@code notBefore}, when
     * the tier held was last decided.
     */
    public Optional<TierDecision> promotion(QualifyingLedger ledger, String held, Instant notBefore, Instant activityAt) {
        Instant start = notBefore != null && activityAt.isBefore(notBefore) ? notBefore : activityAt;
        List<Instant> instants = new ArrayList<>();
        instants.add(start);
        ledger.timesFrom(start).stream().filter(t -> !t.equals(start)).forEach(instants::add);
        TierDecision best = null;
        String highest = held;
        for (Instant at : instants) {
            Window w = windowAt(at);
            BigDecimal value = scaled(ledger.valueIn(w));
            Tier reached = ladder.reachedBy(value);
            if (ladder.isAbove(reached, highest)) {
                highest = reached.code();
                best = new TierDecision(
                        DecisionKind.PROMOTED, held, reached.code(), value, w, at, validUntil(reached.code(), at), null,
                        ledger.causationIdsIn(w));
            }
        }
        return Optional.ofNullable(best);
    }

    /** Re-evaluation when the validity of {@code held} ends at {@code validUntil}. */
    public TierDecision atValidityEnd(QualifyingLedger ledger, String held, Instant validUntil) {
        Window w = windowAt(validUntil);
        BigDecimal value = scaled(ledger.valueIn(w));
        if (keeps(held, value)) {
            return retained(ledger, held, value, w, validUntil, validUntil);
        }
        if (!gracePeriod.isZero()) {
            Instant graceEndsAt = validUntil.atZone(ZoneOffset.UTC).plus(gracePeriod).toInstant();
            return new TierDecision(
                    DecisionKind.GRACE_STARTED, held, held, value, w, validUntil, validUntil, graceEndsAt,
                    ledger.causationIdsIn(w));
        }
        return demoted(ledger, held, value, w, validUntil);
    }

    /** The final re-evaluation at the end of a grace period that followed {@code validUntil}. */
    public TierDecision afterGrace(QualifyingLedger ledger, String held, Instant validUntil, Instant graceEndsAt) {
        Window w = windowAt(graceEndsAt);
        BigDecimal value = scaled(ledger.valueIn(w));
        if (keeps(held, value)) {
            return retained(ledger, held, value, w, graceEndsAt, validUntil);
        }
        return demoted(ledger, held, value, w, graceEndsAt);
    }

    /** Whether a member holding {@code held} is short of retention for the validity ending at {@code validUntil}. */
    public Optional<RiskAssessment> risk(QualifyingLedger ledger, String held, Instant validUntil) {
        BigDecimal value = valueAt(ledger, validUntil);
        BigDecimal retention = ladder.tier(held).retentionThreshold();
        if (value.compareTo(retention) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new RiskAssessment(held, validUntil, value, retention, retention.subtract(value)));
    }

    /** The tier {@code held} turns into when its validity ends, counting the orders known now (grace ignored). */
    public String projectedTier(QualifyingLedger ledger, String held, Instant validUntil) {
        if (validUntil == null) {
            return held;
        }
        BigDecimal value = valueAt(ledger, validUntil);
        return keeps(held, value) ? held : demotionTarget(held, value).code();
    }

    /** What is missing to keep {@code held} at {@code validUntil}; zero when it is kept. */
    public BigDecimal neededToKeep(QualifyingLedger ledger, String held, Instant validUntil) {
        BigDecimal missing = ladder.tier(held).retentionThreshold().subtract(valueAt(ledger, validUntil));
        return missing.max(BigDecimal.ZERO.setScale(missing.scale()));
    }

    private boolean keeps(String held, BigDecimal value) {
        return value.compareTo(ladder.tier(held).retentionThreshold()) >= 0;
    }

    private Tier demotionTarget(String held, BigDecimal value) {
        return switch (demotion) {
            case SOFT_LANDING -> ladder.below(held);
            case RECALCULATE -> ladder.rankOf(ladder.reachedBy(value).code()) < ladder.rankOf(held)
                    ? ladder.reachedBy(value)
                    : ladder.below(held);
        };
    }

    private TierDecision retained(
            QualifyingLedger ledger, String held, BigDecimal value, Window w, Instant at, Instant validUntil) {
        return new TierDecision(
                DecisionKind.RETAINED, held, held, value, w, at, ladder.validUntil(validUntil), null,
                ledger.causationIdsIn(w));
    }

    private TierDecision demoted(QualifyingLedger ledger, String held, BigDecimal value, Window w, Instant at) {
        Tier target = demotionTarget(held, value);
        return new TierDecision(
                DecisionKind.DEMOTED, held, target.code(), value, w, at, validUntil(target.code(), at), null,
                ledger.causationIdsIn(w));
    }

    private BigDecimal scaled(BigDecimal value) {
        int scale = ladder.entry().threshold().scale();
        return value.scale() < scale ? value.setScale(scale) : value;
    }
}

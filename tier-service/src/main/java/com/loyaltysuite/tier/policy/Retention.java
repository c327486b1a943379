package com.loyaltysuite.tier.policy;

import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Retention and demotion (保级 / 降级): when validity (or grace) ends, a tier is kept for a new period
 * if the value over the window ending then meets its retention threshold; otherwise a grace period
 * starts (if configured), or the member is demoted one tier ({@code SOFT_LANDING}) or to the tier
 * the value reaches ({@code RECALCULATE}). Also what a member still needs to keep the tier, and
 * whether they are at risk before it ends.
 */
record Retention(TierLadder ladder, QualifyingWindow window, DemotionPolicy demotion, Period gracePeriod) {

    /** Re-evaluation when {@code held} falls due: at the end of its grace period if one runs, else of its validity. */
    TierDecision atDue(QualifyingLedger ledger, EarnedTier held) {
        return held.inGrace()
                ? afterGrace(ledger, held.tier(), held.validUntil(), held.graceEndsAt())
                : atValidityEnd(ledger, held.tier(), held.validUntil());
    }

    private TierDecision atValidityEnd(QualifyingLedger ledger, String held, Instant validUntil) {
        Window w = window.endingAt(validUntil);
        BigDecimal value = valueIn(ledger, w);
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

    private TierDecision afterGrace(QualifyingLedger ledger, String held, Instant validUntil, Instant graceEndsAt) {
        Window w = window.endingAt(graceEndsAt);
        BigDecimal value = valueIn(ledger, w);
        if (keeps(held, value)) {
            return retained(ledger, held, value, w, graceEndsAt, validUntil);
        }
        return demoted(ledger, held, value, w, graceEndsAt);
    }

    /** Whether {@code held} is short of retention for the validity it holds (保级提醒). */
    Optional<RiskAssessment> risk(QualifyingLedger ledger, EarnedTier held) {
        BigDecimal value = valueAt(ledger, held.validUntil());
        BigDecimal retention = ladder.tier(held.tier()).retentionThreshold();
        if (value.compareTo(retention) >= 0) {
            return Optional.empty();
        }
        return Optional.of(
                new RiskAssessment(held.tier(), held.validUntil(), value, retention, retention.subtract(value)));
    }

    /** The tier {@code held} turns into when its validity ends, counting the orders known now (grace ignored). */
    String projectedTier(QualifyingLedger ledger, String held, Instant validUntil) {
        if (validUntil == null) {
            return held;
        }
        BigDecimal value = valueAt(ledger, validUntil);
        return keeps(held, value) ? held : demotionTarget(held, value).code();
    }

    /** What is missing to keep {@code held} at {@code validUntil}; zero when it is kept. */
    BigDecimal neededToKeep(QualifyingLedger ledger, String held, Instant validUntil) {
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
                DecisionKind.RETAINED, held, held, value, w, at, ladder.validUntil(held, validUntil), null,
                ledger.causationIdsIn(w));
    }

    private TierDecision demoted(QualifyingLedger ledger, String held, BigDecimal value, Window w, Instant at) {
        Tier target = demotionTarget(held, value);
        return new TierDecision(
                DecisionKind.DEMOTED, held, target.code(), value, w, at, ladder.validUntil(target.code(), at), null,
                ledger.causationIdsIn(w));
    }

    private BigDecimal valueAt(QualifyingLedger ledger, Instant at) {
        return valueIn(ledger, window.endingAt(at));
    }

    private BigDecimal valueIn(QualifyingLedger ledger, Window w) {
        return ladder.inUnit(ledger.valueIn(w));
    }
}

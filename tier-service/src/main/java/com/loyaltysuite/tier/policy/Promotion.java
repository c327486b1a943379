package com.loyaltysuite.tier.policy;

import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tier evaluation on a new order (升级): the rule that promotes, as soon as a higher entry threshold is reached. */
record Promotion(TierLadder ladder, QualifyingWindow window) {

    /**
     * Promotion after an order at {@code activityAt} was counted. The qualifying value is counted at
     * that order's time and at the time of each later order (a back-dated order also raises the
     * windows after it); the highest tier reached wins, taking effect at the first instant it was
     * reached — one decision however many tiers are passed. Never before the tier held was decided.
     */
    Optional<TierDecision> after(QualifyingLedger ledger, EarnedTier held, Instant activityAt) {
        Instant notBefore = held.since();
        Instant start = notBefore != null && activityAt.isBefore(notBefore) ? notBefore : activityAt;
        List<Instant> instants = new ArrayList<>();
        instants.add(start);
        ledger.timesFrom(start).stream().filter(t -> !t.equals(start)).forEach(instants::add);
        TierDecision best = null;
        String highest = held.tier();
        for (Instant at : instants) {
            Window w = window.endingAt(at);
            BigDecimal value = ladder.inUnit(ledger.valueIn(w));
            Tier reached = ladder.reachedBy(value);
            if (ladder.isAbove(reached, highest)) {
                highest = reached.code();
                best = new TierDecision(
                        DecisionKind.PROMOTED, held.tier(), reached.code(), value, w, at,
                        ladder.validUntil(reached.code(), at), null, ledger.causationIdsIn(w));
            }
        }
        return Optional.ofNullable(best);
    }
}

package com.loyaltysuite.tier.policy;

import java.time.Instant;

/**
 * Re-decides one member's history under a (proposed) policy: orders in business-time order, each
 * followed by a promotion check, and every validity end (and grace end) that falls due between
 * them. Only a what-if tool uses it; recorded decisions are never re-decided (DESIGN guarantee 2).
 * Refunds count as known now, at the time of the order they refund.
 */
public final class TierSimulator {

    private final TierPolicy policy;

    public TierSimulator(TierPolicy policy) {
        this.policy = policy;
    }

    /** The tier {@code history} would have led to by {@code asOf}. */
    public String tierAt(QualifyingLedger history, Instant asOf) {
        Run run = new Run(policy.ladder().entry().code());
        QualifyingLedger known = new QualifyingLedger();
        for (QualifyingEntry entry : history.entries()) {
            if (entry.at().isAfter(asOf)) {
                break;
            }
            run.settleDue(known, entry.at());
            known.add(entry);
            policy.promotion(known, run.held, run.since, entry.at()).ifPresent(run::apply);
        }
        run.settleDue(known, asOf);
        return run.held;
    }

    private final class Run {

        String held;
        Instant since;
        Instant validUntil;
        Instant graceEndsAt;

        Run(String entryTier) {
            held = entryTier;
        }

        void settleDue(QualifyingLedger known, Instant upTo) {
            for (Instant due = due(); due != null && !due.isAfter(upTo); due = due()) {
                apply(graceEndsAt != null
                        ? policy.afterGrace(known, held, validUntil, graceEndsAt)
                        : policy.atValidityEnd(known, held, validUntil));
            }
        }

        private Instant due() {
            return graceEndsAt != null ? graceEndsAt : validUntil;
        }

        void apply(TierDecision decision) {
            if (decision.kind() == DecisionKind.PROMOTED || decision.kind() == DecisionKind.DEMOTED) {
                since = decision.at();
            }
            held = decision.toTier();
            validUntil = decision.validUntil();
            graceEndsAt = decision.graceEndsAt();
        }
    }
}

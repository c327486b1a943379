package com.loyaltysuite.tier.policy;

import java.time.Instant;

/**
 * Re-decides one member's history under a (proposed) policy: orders in business-time order, each
 * followed by a promotion check, and every validity end (and grace end) that falls due between
 * them, by the same rules and standing updates as the member's tier. Only a what-if tool uses it;
 * recorded decisions are never re-decided (DESIGN guarantee 2). Refunds count as known now, at the
 * time of the order they refund.
 */
public final class TierSimulator {

    private final TierPolicy policy;

    public TierSimulator(TierPolicy policy) {
        this.policy = policy;
    }

    /** The tier {@code history} would have led to by {@code asOf}. */
    public String tierAt(QualifyingLedger history, Instant asOf) {
        EarnedTier held = policy.entryStanding();
        QualifyingLedger known = new QualifyingLedger();
        for (QualifyingEntry entry : history.entries()) {
            if (entry.at().isAfter(asOf)) {
                break;
            }
            held = settleDue(known, held, entry.at());
            known.add(entry);
            held = policy.promotion(known, held, entry.at()).map(held::after).orElse(held);
        }
        return settleDue(known, held, asOf).tier();
    }

    /** Every validity or grace end up to {@code upTo}, decided in turn. */
    private EarnedTier settleDue(QualifyingLedger known, EarnedTier held, Instant upTo) {
        while (held.due() != null && !held.due().isAfter(upTo)) {
            held = held.after(policy.atDue(known, held));
        }
        return held;
    }
}

package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import java.time.Instant;
import java.util.List;

/**
 * Internal: the member moved from one tier to another, with everything the decision was based on.
 * {@code effectiveAt} is business time (when the deciding order was paid); {@code causationIds} are
 * the ids of the events counted into {@code qualifyingValue}.
 */
public record TierChanged(
        MemberId memberId,
        String programId,
        String fromTier,
        String toTier,
        TierChangeReason reason,
        QualifyingValue qualifyingValue,
        String policyVersion,
        Instant effectiveAt,
        Instant validUntil,
        List<String> causationIds) {

    public TierChanged {
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }
}

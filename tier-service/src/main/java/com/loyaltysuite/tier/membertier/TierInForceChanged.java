package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import java.time.Instant;
import java.util.List;

/**
 * Internal: the tier in force (the earned one, or a manual tier that wins over it) moved from one
 * tier to another, with everything the decision was based on; published as the contract
 * {@code TierChanged}. Its former name was that contract's too: events stored under it still load
 * (a line of the service's {@code RenamedEvents}). {@code effectiveAt} is business time (when the
 * deciding order was paid); {@code causationIds} are the ids of the events counted into
 * {@code qualifyingValue}.
 */
public record TierInForceChanged(
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

    public TierInForceChanged {
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }
}

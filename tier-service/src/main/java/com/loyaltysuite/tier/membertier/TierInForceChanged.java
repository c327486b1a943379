package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.RegainTarget;
import com.loyaltysuite.events.tier.TierChangeReason;
import java.time.Instant;
import java.util.List;

/**
 * Internal: the tier in force (the earned one, or a manual tier that wins over it) moved from one
 * tier to another, with everything the decision was based on; published as the contract
 * {@code TierChanged}. Its former name was that contract's too: events stored under it still load
 * (a line of the service's {@code RenamedEvents}). {@code effectiveAt} is business time (when the
 * deciding order was paid); {@code causationIds} are the ids of the events counted into
 * {@code qualifyingValue}. {@code toRegain}, on a demotion by the rules, is what the member lacks to regain
 * the tier lost (null otherwise, and in events stored before it existed).
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
        List<String> causationIds,
        RegainTarget toRegain) {

    public TierInForceChanged {
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }

    /** Without what regains a lost tier: a promotion or a manual change. */
    public TierInForceChanged(
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
        this(memberId, programId, fromTier, toTier, reason, qualifyingValue, policyVersion, effectiveAt, validUntil,
                causationIds, null);
    }
}

package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.TierChangeReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grant the upgrade gift of the tier a member has just reached, if it earns one. {@code effectiveAt}
 * is the business time of the tier change; {@code causationId} is the id of the TierChanged event.
 */
public record GrantUpgradeGift(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        String tier,
        TierChangeReason reason,
        Instant effectiveAt,
        String causationId) {}

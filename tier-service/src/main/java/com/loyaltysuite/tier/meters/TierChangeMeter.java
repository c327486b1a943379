package com.loyaltysuite.tier.meters;

import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.support.meters.CountAfterCommit;
import com.loyaltysuite.tier.ladder.TierLadder;
import com.loyaltysuite.tier.membertier.TierInForceChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@code loyalty.tier.changes{direction=up|down,tier=<new tier code>}}: each move of the tier in force
 * (what goes out as {@code TierChanged}), counted once. A subscribing processing group sees it in the
 * transaction that appends it, never on a replay or a rebuild; the count is added once that commits.
 * Tags are bounded by the ladder (a few tiers times two directions), never the member.
 */
@Component
@ProcessingGroup(TierChangeMeter.PROCESSING_GROUP)
class TierChangeMeter {

    static final String PROCESSING_GROUP = "tier-meters";
    static final String METER = "loyalty.tier.changes";

    private final MeterRegistry meters;
    private final TierLadder ladder;

    TierChangeMeter(MeterRegistry meters, TierLadder ladder) {
        this.meters = meters;
        this.ladder = ladder;
    }

    @EventHandler
    void on(TierInForceChanged event) {
        Counter counter = Counter.builder(METER)
                .description("Moves of members' tier in force, by direction and the tier moved to")
                .tag("direction", direction(event))
                .tag("tier", event.toTier())
                .register(meters);
        CountAfterCommit.increment(counter);
    }

    /** By the ladder; by the reason only for a tier the current ladder no longer has. */
    private String direction(TierInForceChanged event) {
        if (ladder.contains(event.fromTier()) && ladder.contains(event.toTier())) {
            return ladder.rankOf(event.toTier()) > ladder.rankOf(event.fromTier()) ? "up" : "down";
        }
        return event.reason() == TierChangeReason.RETENTION_FAILED ? "down" : "up";
    }
}

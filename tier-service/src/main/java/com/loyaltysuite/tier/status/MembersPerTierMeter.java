package com.loyaltysuite.tier.status;

import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code loyalty.tier.members{tier}}: members holding each tier, read from the projection when
 * scraped. Members without a qualifying order are not counted (tier-service does not know them).
 */
@Component
class MembersPerTierMeter implements MeterBinder {

    private final MemberTierStatusRepository statuses;
    private final TierLadder ladder;

    MembersPerTierMeter(MemberTierStatusRepository statuses, TierLadder ladder) {
        this.statuses = statuses;
        this.ladder = ladder;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Tier tier : ladder.tiers()) {
            Gauge.builder("loyalty.tier.members", statuses, repository -> repository.countByTier(tier.code()))
                    .description("Members holding each tier (with at least one qualifying order)")
                    .tag("tier", tier.code())
                    .register(registry);
        }
    }
}

package com.loyaltysuite.tier.simulation;

import java.util.Set;

/**
 * Query: how members' tiers would stand today under {@code proposal}. {@code memberIds} limits it to
 * some members (empty: everyone). Answered with a {@link SimulationReport}; nothing is changed or published.
 */
public record SimulateTiers(PolicyProposal proposal, Set<String> memberIds) {

    public SimulateTiers {
        memberIds = memberIds == null ? Set.of() : Set.copyOf(memberIds);
    }
}

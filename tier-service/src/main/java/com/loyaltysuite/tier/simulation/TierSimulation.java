package com.loyaltysuite.tier.simulation;

import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.membertier.QualifyingOrderRecorded;
import com.loyaltysuite.tier.membertier.QualifyingOrderReduced;
import com.loyaltysuite.tier.membertier.TierDecided;
import com.loyaltysuite.tier.policy.QualifyingEntry;
import com.loyaltysuite.tier.policy.QualifyingLedger;
import com.loyaltysuite.tier.policy.TierPolicy;
import com.loyaltysuite.tier.policy.TierSimulator;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * What-if simulation: reads the qualifying orders every member's aggregate recorded (the event
 * store, from the start) and re-decides each history under a proposed policy with
 * {@link TierSimulator}. It reads only: no command, no event, nothing published. It reads the
 * whole store on each call, which suits an occasional tool, not a hot path.
 */
@Component
class TierSimulation {

    private final EventStorageEngine events;
    private final TierPolicy current;
    private final Clock clock;

    TierSimulation(EventStorageEngine events, TierPolicy current, Clock clock) {
        this.events = events;
        this.current = current;
        this.clock = clock;
    }

    @QueryHandler
    SimulationReport handle(SimulateTiers query) {
        TierPolicy proposed = query.proposal().applyTo(current);
        Map<String, QualifyingLedger> histories = new TreeMap<>();
        Map<String, String> earnedToday = new HashMap<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            stream.forEach(message -> {
                Object payload = message.getPayload();
                if (payload instanceof QualifyingOrderRecorded e && wanted(query, e.memberId().value())) {
                    histories.computeIfAbsent(e.memberId().value(), m -> new QualifyingLedger())
                            .add(new QualifyingEntry(e.orderId().value(), e.value().value(), e.at(), List.of()));
                } else if (payload instanceof QualifyingOrderReduced e && histories.containsKey(e.memberId().value())) {
                    histories.get(e.memberId().value()).reduce(e.orderId().value(), e.reducedBy().value(), "");
                } else if (payload instanceof TierDecided e && wanted(query, e.memberId().value())) {
                    earnedToday.put(e.memberId().value(), e.toTier());
                }
            });
        }
        Instant asOf = clock.instant();
        TierSimulator simulator = new TierSimulator(proposed);
        Map<String, int[]> counts = new HashMap<>();
        proposed.tiers().forEach(tier -> counts.put(tier.code(), new int[2]));
        int up = 0;
        int down = 0;
        int same = 0;
        int notComparable = 0;
        for (var history : histories.entrySet()) {
            String simulated = simulator.tierAt(history.getValue(), asOf);
            String today = earnedToday.getOrDefault(history.getKey(), current.entryTier());
            counts.get(simulated)[0]++;
            if (!proposed.hasTier(today)) {
                notComparable++;
                continue;
            }
            counts.get(today)[1]++;
            int move = proposed.compare(simulated, today);
            if (move > 0) {
                up++;
            } else if (move < 0) {
                down++;
            } else {
                same++;
            }
        }
        List<SimulationReport.TierCount> tiers = proposed.tiers().stream()
                .map(Tier::code)
                .map(code -> new SimulationReport.TierCount(code, counts.get(code)[0], counts.get(code)[1]))
                .toList();
        return new SimulationReport(
                proposed.policyVersion(),
                current.policyVersion(),
                asOf,
                histories.size(),
                tiers,
                up,
                down,
                same,
                notComparable);
    }

    private static boolean wanted(SimulateTiers query, String memberId) {
        return query.memberIds().isEmpty() || query.memberIds().contains(memberId);
    }
}

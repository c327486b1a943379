package com.loyaltysuite.points.ledger;

import com.loyaltysuite.points.account.PointsEarned;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The ledger and balances, built from the account events. Idempotent (an entry is keyed by its event
 * id) and resettable: a reset empties the tables and the processor rebuilds them from the store.
 */
@Component
@ProcessingGroup(PointsLedgerProjection.PROCESSING_GROUP)
class PointsLedgerProjection {

    static final String PROCESSING_GROUP = "points-ledger";

    private final LedgerEntryRepository entries;
    private final PointsBalanceRepository balances;
    private final Clock clock;

    PointsLedgerProjection(LedgerEntryRepository entries, PointsBalanceRepository balances, Clock clock) {
        this.entries = entries;
        this.balances = balances;
        this.clock = clock;
    }

    @EventHandler
    void on(PointsEarned event, EventMessage<?> message) {
        if (entries.existsById(message.getIdentifier())) {
            return;
        }
        String memberId = event.memberId().value();
        PointsBalance balance = balances.findById(memberId).orElseGet(() -> new PointsBalance(memberId));
        long after = balance.add(event.points(), event.earnedAt());
        balances.save(balance);
        entries.save(new LedgerEntry(
                message.getIdentifier(),
                memberId,
                "EARNED",
                event.points(),
                event.orderId().value(),
                event.earnedAt(),
                event.availableAt(),
                after));
    }

    @QueryHandler
    Optional<PointsBalanceView> handle(FindPointsBalance query) {
        String memberId = query.memberId().value();
        return balances.findById(memberId).map(balance -> {
            long pending = entries.pendingPoints(memberId, clock.instant());
            return new PointsBalanceView(
                    memberId, balance.total(), balance.total() - pending, pending, balance.updatedAt());
        });
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
        balances.deleteAllInBatch();
    }
}

package com.loyaltysuite.tier.status;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.tier.ladder.NextTier;
import com.loyaltysuite.tier.ladder.TierLadder;
import com.loyaltysuite.tier.membertier.QualifyingSpendRecorded;
import com.loyaltysuite.tier.membertier.TierChanged;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Each member's current tier and qualifying total, built from the member-tier events. Idempotent
 * (a row remembers the sequence number of the last event applied) and resettable: a reset empties
 * the table and the processor rebuilds it from the event store.
 */
@Component
@ProcessingGroup(MemberTierProjection.PROCESSING_GROUP)
class MemberTierProjection {

    static final String PROCESSING_GROUP = "member-tier";

    private final MemberTierStatusRepository statuses;
    private final TierLadder ladder;

    MemberTierProjection(MemberTierStatusRepository statuses, TierLadder ladder) {
        this.statuses = statuses;
        this.ladder = ladder;
    }

    @EventHandler
    void on(QualifyingSpendRecorded event, @SequenceNumber long sequence) {
        MemberTierStatus status = statuses.findById(event.memberId().value())
                .orElseGet(() -> new MemberTierStatus(
                        event.memberId().value(),
                        event.programId(),
                        ladder.entry().code(),
                        event.paidAt(),
                        event.qualifyingTotal().currency()));
        if (!status.advanceTo(sequence)) {
            return;
        }
        status.qualifyingValue(event.qualifyingTotal().value(), event.qualifyingTotal().currency());
        statuses.save(status);
    }

    @EventHandler
    void on(TierChanged event, @SequenceNumber long sequence) {
        // The spend behind a change is recorded just before it; a change alone still makes a row.
        MemberTierStatus status = statuses.findById(event.memberId().value())
                .orElseGet(() -> new MemberTierStatus(
                        event.memberId().value(),
                        event.programId(),
                        event.fromTier(),
                        event.effectiveAt(),
                        event.qualifyingValue().unit()));
        if (!status.advanceTo(sequence)) {
            return;
        }
        status.changeTier(event.toTier(), event.effectiveAt(), event.validUntil());
        status.qualifyingValue(event.qualifyingValue().value(), event.qualifyingValue().unit());
        statuses.save(status);
    }

    @QueryHandler
    Optional<MemberTierView> handle(FindMemberTier query) {
        return statuses.findById(query.memberId().value()).map(this::view);
    }

    @ResetHandler
    void reset() {
        statuses.deleteAllInBatch();
    }

    private MemberTierView view(MemberTierStatus status) {
        Optional<NextTier> next = ladder.next(status.tier(), status.qualifyingValue());
        return new MemberTierView(
                status.memberId(),
                status.tier(),
                ladder.tier(status.tier()).nameZhCn(),
                status.since(),
                status.validUntil(),
                new Money(status.qualifyingValue(), status.currency()),
                next.map(n -> n.tier().code()).orElse(null),
                next.map(n -> new Money(n.missing(), ladder.currency())).orElse(null));
    }
}

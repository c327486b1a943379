package com.loyaltysuite.tier.membertier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's tier (会员等级). Counts each paid order once towards the qualifying total and, when the
 * total reaches a higher rung of the ladder, promotes the member straight to it, recording what the
 * decision was based on. Created by the member's first order: a member without one holds the entry
 * tier and has nothing to record.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class MemberTier {

    @AggregateIdentifier
    private MemberId memberId;

    /** Null until the first promotion: the entry tier, whatever the ladder calls it. */
    private String tier;

    private BigDecimal qualifyingTotal = BigDecimal.ZERO;
    private final Set<OrderId> countedOrders = new HashSet<>();
    private final List<String> countedEventIds = new ArrayList<>();

    protected MemberTier() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordQualifyingOrder command, TierLadder ladder) {
        Money amount = command.amount();
        if (!amount.isCurrency(ladder.currency())) {
            throw new UnsupportedCurrencyException(amount.currency(), ladder.currency());
        }
        if (amount.value().signum() < 0) {
            throw new NegativeOrderAmountException(command.orderId(), amount);
        }
        if (countedOrders.contains(command.orderId())) {
            return; // the same order re-sent (new event id): it counts once
        }
        BigDecimal total = qualifyingTotal.add(amount.value());
        List<String> causationIds = new ArrayList<>(countedEventIds);
        causationIds.add(command.causationId());
        apply(new QualifyingSpendRecorded(
                command.memberId(),
                command.programId(),
                command.orderId(),
                amount,
                new Money(total, ladder.currency()),
                command.paidAt(),
                command.causationId()));

        String held = tier != null ? tier : ladder.entry().code();
        Tier reached = ladder.reachedBy(total);
        if (ladder.isAbove(reached, held)) {
            // One event however many rungs are passed: other teams see one move, not a staircase.
            apply(new TierChanged(
                    command.memberId(),
                    command.programId(),
                    held,
                    reached.code(),
                    TierChangeReason.QUALIFIED,
                    new QualifyingValue(total, ladder.currency()),
                    ladder.policyVersion(),
                    command.paidAt(),
                    ladder.validUntil(command.paidAt()),
                    causationIds));
        }
    }

    @EventSourcingHandler
    void on(QualifyingSpendRecorded event) {
        memberId = event.memberId();
        qualifyingTotal = event.qualifyingTotal().value();
        countedOrders.add(event.orderId());
        countedEventIds.add(event.causationId());
    }

    @EventSourcingHandler
    void on(TierChanged event) {
        tier = event.toTier();
    }
}

package com.loyaltysuite.points.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.earning.EarningDecision;
import com.loyaltysuite.points.earning.EarningPolicy;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's points account. Decides how many points an order earns (once per order, whatever the
 * number of deliveries) and records the decision with what it was based on.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PointsAccount {

    /** Until points-service follows tier changes every member earns at the entry tier's rate. */
    static final String DEFAULT_TIER = "MEMBER";

    @AggregateIdentifier
    private MemberId memberId;

    private long balance;
    private final Set<OrderId> ordersEarnedFor = new HashSet<>();

    protected PointsAccount() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EarnPoints command, EarningPolicy policy) {
        if (ordersEarnedFor.contains(command.orderId())) {
            return; // the same order re-sent (new event id): it counts once
        }
        EarningDecision decision = policy.decide(command.amount(), DEFAULT_TIER);
        apply(new PointsEarned(
                command.memberId(),
                command.programId(),
                command.orderId(),
                decision.points(),
                decision.basePoints(),
                decision.multiplier(),
                decision.tier(),
                decision.ruleVersion(),
                command.amount(),
                command.paidAt(),
                command.paidAt().plus(policy.pendingPeriod()),
                command.causationId()));
    }

    @EventSourcingHandler
    void on(PointsEarned event) {
        memberId = event.memberId();
        balance += event.points();
        ordersEarnedFor.add(event.orderId());
    }

    long balance() {
        return balance;
    }
}

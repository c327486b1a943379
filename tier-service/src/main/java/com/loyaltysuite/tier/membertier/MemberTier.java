package com.loyaltysuite.tier.membertier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.tier.policy.DecisionKind;
import com.loyaltysuite.tier.policy.QualifyingEntry;
import com.loyaltysuite.tier.policy.QualifyingLedger;
import com.loyaltysuite.tier.policy.TierDecision;
import com.loyaltysuite.tier.policy.TierPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's tier (会员等级). Keeps every qualifying order at its own business time, so the value of
 * any window can be counted at any instant; promotes as soon as a higher threshold is reached; keeps
 * or demotes when validity ends (timers send {@link ReevaluateTier}); applies manual tiers on top.
 * Two standings are kept apart: the tier <em>earned</em> by the rules, and the tier <em>in force</em>
 * (the earned one, or a manual one). {@link TierChanged} is about the tier in force.
 * A refund that overtakes its order is kept until the order is counted, then applied to it.
 * Created by the member's first qualifying order, refund or manual tier.
 */
@Aggregate(cache = "memberTierCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1") // a snapshot is its fields: bump when they change (MemberTierSnapshotTest)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class MemberTier {

    @AggregateIdentifier
    private MemberId memberId;

    private String programId;
    private final QualifyingLedger ledger = new QualifyingLedger();

    /** Every refund id seen, applied or still awaiting its order: a refund counts once. */
    private final Set<String> refundsCounted = new HashSet<>();

    /** Refunds that overtook their order, by order id, in the order they arrived. */
    private final Map<String, List<RefundAwaitingOrderRecorded>> refundsAwaitingOrder = new LinkedHashMap<>();

    /** Null while the entry tier is earned. */
    private String earnedTier;

    private Instant earnedSince;
    private Instant earnedValidUntil;
    private Instant graceEndsAt;
    private ManualTier manual;

    /** The tier in force as last announced in a TierChanged; null for the entry tier. */
    private String tierInForce;

    private Instant inForceSince;
    private Standing published;
    private Instant riskAssessedFor;

    protected MemberTier() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordQualifyingOrder command, TierPolicy policy) {
        QualifyingValue value = command.value();
        if (!value.unit().equals(policy.unit())) {
            throw new UnsupportedCurrencyException(value.unit(), policy.unit());
        }
        if (value.value().signum() < 0) {
            throw new NegativeOrderAmountException(command.orderId(), value);
        }
        if (ledger.contains(command.orderId().value())) {
            return; // the same order re-sent (new event id): it counts once
        }
        List<RefundAwaitingOrderRecorded> overtaken =
                List.copyOf(refundsAwaitingOrder.getOrDefault(command.orderId().value(), List.of()));
        apply(new QualifyingOrderRecorded(
                command.memberId(), command.programId(), command.orderId(), value, command.at(), command.causationId()));
        // Refunds that overtook this order lower it before anything is decided: the decision sees the net value.
        for (RefundAwaitingOrderRecorded refund : overtaken) {
            reduce(refund.orderId(), refund.refundId(), refund.refunded(), refund.refundedAt(), refund.causationId());
        }
        var promotion = policy.promotion(ledger, earned(policy), earnedSince, command.at());
        if (promotion.isPresent()) {
            decide(promotion.get(), policy, TierChangeReason.QUALIFIED);
        } else {
            settle(policy, TierChangeReason.QUALIFIED, command.at(), policy.valueAt(ledger, command.at()), List.of());
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordRefund command, TierPolicy policy) {
        QualifyingValue amount = command.amount();
        if (!amount.unit().equals(policy.unit())) {
            throw new UnsupportedCurrencyException(amount.unit(), policy.unit());
        }
        if (amount.value().signum() < 0) {
            throw new NegativeOrderAmountException(command.orderId(), amount);
        }
        if (refundsCounted.contains(command.refundId())) {
            return; // seen before, whether applied already or still awaiting its order
        }
        if (!ledger.contains(command.orderId().value())) {
            // It overtook its order (another topic): kept until the order is counted, then applied.
            apply(new RefundAwaitingOrderRecorded(
                    command.memberId(),
                    programId != null ? programId : Programs.orDefault(command.programId()),
                    command.orderId(),
                    command.refundId(),
                    amount,
                    command.refundedAt(),
                    command.causationId()));
            return;
        }
        // Never a decision here: a refund lowers the value, and only re-evaluation can demote.
        reduce(command.orderId(), command.refundId(), amount, command.refundedAt(), command.causationId());
    }

    /** Lowers a counted order by a refund, never below zero. */
    private void reduce(
            OrderId orderId, String refundId, QualifyingValue refunded, Instant refundedAt, String causationId) {
        BigDecimal left = ledger.entry(orderId.value()).orElseThrow().value();
        apply(new QualifyingOrderReduced(
                memberId,
                programId,
                orderId,
                refundId,
                refunded,
                new QualifyingValue(refunded.value().min(left), refunded.unit()),
                refundedAt,
                causationId));
    }

    @CommandHandler
    void handle(ReevaluateTier command, TierPolicy policy) {
        TierDecision decision;
        if (graceEndsAt != null) {
            if (!graceEndsAt.equals(command.dueAt())) {
                return;
            }
            decision = policy.afterGrace(ledger, earned(policy), earnedValidUntil, graceEndsAt);
        } else {
            if (earnedValidUntil == null || !earnedValidUntil.equals(command.dueAt())) {
                return; // a stale timer: validity was renewed or changed since it was set
            }
            decision = policy.atValidityEnd(ledger, earned(policy), earnedValidUntil);
        }
        decide(decision, policy, TierChangeReason.RETENTION_FAILED);
    }

    @CommandHandler
    void handle(AssessTierRisk command, TierPolicy policy) {
        boolean current = graceEndsAt == null && command.validUntil().equals(earnedValidUntil);
        if (!current || command.validUntil().equals(riskAssessedFor) || manualWins(policy)) {
            return;
        }
        String unit = policy.unit();
        policy.risk(ledger, earned(policy), earnedValidUntil).ifPresent(risk -> apply(new TierAtRiskAssessed(
                memberId,
                programId,
                risk.tier(),
                risk.validUntil(),
                new QualifyingValue(risk.qualifyingValue(), unit),
                new QualifyingValue(risk.retentionThreshold(), unit),
                new QualifyingValue(risk.gap(), unit),
                policy.policyVersion(),
                command.assessedAt())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AssignManualTier command, TierPolicy policy) {
        policy.ladder().tier(command.tier());
        if (!command.until().isAfter(command.at())) {
            throw new ManualTierEndPassedException(command.until(), command.at());
        }
        apply(new ManualTierAssigned(
                command.memberId(),
                programId != null ? programId : Programs.orDefault(command.programId()),
                new ManualTier(
                        command.tier(),
                        command.mode(),
                        command.reason(),
                        command.operatorId(),
                        command.until(),
                        command.at())));
        settle(policy, TierChangeReason.MANUAL, command.at(), policy.valueAt(ledger, command.at()), List.of());
    }

    @CommandHandler
    void handle(EndManualTier command, TierPolicy policy) {
        if (manual == null) {
            if (command.expiredUntil() != null) {
                return; // ended early already
            }
            throw new NoManualTierException(memberId);
        }
        if (command.expiredUntil() != null && !command.expiredUntil().equals(manual.until())) {
            return; // a stale timer: the assignment was replaced since
        }
        apply(new ManualTierEnded(memberId, programId, manual, command.operatorId(), command.at()));
        settle(policy, TierChangeReason.MANUAL_ENDED, command.at(), policy.valueAt(ledger, command.at()), List.of());
    }

    private void decide(TierDecision decision, TierPolicy policy, TierChangeReason reason) {
        apply(new TierDecided(
                memberId,
                programId,
                decision.kind(),
                decision.fromTier(),
                decision.toTier(),
                new QualifyingValue(decision.qualifyingValue(), policy.unit()),
                decision.window(),
                policy.policyVersion(),
                decision.at(),
                decision.validUntil(),
                decision.graceEndsAt(),
                decision.causationIds()));
        settle(policy, reason, decision.at(), decision.qualifyingValue(), decision.causationIds());
    }

    /**
     * Announces what changed in the tier in force: a TierChanged when the tier itself moved (one,
     * however many tiers are passed), and the new standing whenever tier, validity or manual tier moved.
     */
    private void settle(
            TierPolicy policy, TierChangeReason reason, Instant at, BigDecimal value, List<String> causationIds) {
        String entry = policy.ladder().entry().code();
        String before = tierInForce != null ? tierInForce : entry;
        boolean fromManual = manualWins(policy);
        String now = fromManual ? manual.tier() : earned(policy);
        Instant validUntil = fromManual ? manual.until() : earnedValidUntil;
        QualifyingValue qualifying = new QualifyingValue(value, policy.unit());
        if (!now.equals(before)) {
            apply(new TierChanged(
                    memberId, programId, before, now, reason, qualifying, policy.policyVersion(), at, validUntil,
                    causationIds));
        }
        Standing standing = new Standing(now, inForceSince, validUntil, manual, earned(policy), earnedValidUntil);
        if (!standing.equals(published)) {
            apply(new MemberTierUpdated(
                    memberId,
                    programId,
                    now,
                    inForceSince,
                    validUntil,
                    qualifying,
                    manual,
                    earned(policy),
                    earnedValidUntil,
                    policy.policyVersion(),
                    at));
        }
    }

    private boolean manualWins(TierPolicy policy) {
        if (manual == null) {
            return false;
        }
        return manual.mode() == ManualMode.PIN
                || policy.ladder().rankOf(manual.tier()) > policy.ladder().rankOf(earned(policy));
    }

    private String earned(TierPolicy policy) {
        return earnedTier != null ? earnedTier : policy.ladder().entry().code();
    }

    @EventSourcingHandler
    void on(QualifyingOrderRecorded event) {
        memberId = event.memberId();
        programId = programId != null ? programId : event.programId();
        inForceSince = inForceSince != null ? inForceSince : event.at();
        ledger.add(new QualifyingEntry(
                event.orderId().value(), event.value().value(), event.at(), List.of(event.causationId())));
    }

    @EventSourcingHandler
    void on(QualifyingOrderReduced event) {
        ledger.reduce(event.orderId().value(), event.reducedBy().value(), event.causationId());
        refundsCounted.add(event.refundId());
        List<RefundAwaitingOrderRecorded> awaiting = refundsAwaitingOrder.get(event.orderId().value());
        if (awaiting != null) {
            awaiting.removeIf(refund -> refund.refundId().equals(event.refundId()));
            if (awaiting.isEmpty()) {
                refundsAwaitingOrder.remove(event.orderId().value());
            }
        }
    }

    @EventSourcingHandler
    void on(RefundAwaitingOrderRecorded event) {
        memberId = event.memberId();
        programId = programId != null ? programId : event.programId();
        refundsCounted.add(event.refundId());
        refundsAwaitingOrder
                .computeIfAbsent(event.orderId().value(), id -> new ArrayList<>())
                .add(event);
    }

    @EventSourcingHandler
    void on(TierDecided event) {
        if (event.kind() == DecisionKind.PROMOTED || event.kind() == DecisionKind.DEMOTED) {
            earnedSince = event.decidedAt();
        }
        earnedTier = event.toTier();
        earnedValidUntil = event.validUntil();
        graceEndsAt = event.graceEndsAt();
    }

    @EventSourcingHandler
    void on(ManualTierAssigned event) {
        memberId = event.memberId();
        programId = event.programId();
        inForceSince = inForceSince != null ? inForceSince : event.assignment().assignedAt();
        manual = event.assignment();
    }

    @EventSourcingHandler
    void on(ManualTierEnded event) {
        manual = null;
    }

    @EventSourcingHandler
    void on(TierChanged event) {
        tierInForce = event.toTier();
        inForceSince = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(MemberTierUpdated event) {
        published = new Standing(
                event.tier(),
                event.since(),
                event.validUntil(),
                event.manual(),
                event.earnedTier(),
                event.earnedValidUntil());
    }

    @EventSourcingHandler
    void on(TierAtRiskAssessed event) {
        riskAssessedFor = event.validUntil();
    }

    /** What MemberTierUpdated last said; a new one is applied only when this changes. */
    private record Standing(
            String tier, Instant since, Instant validUntil, ManualTier manual, String earnedTier, Instant earnedValidUntil) {}
}

package com.loyaltysuite.tier.membertier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.events.tier.RegainTarget;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.tier.policy.EarnedTier;
import com.loyaltysuite.tier.policy.TierDecision;
import com.loyaltysuite.tier.policy.TierPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's tier (会员等级). Decides and delegates: what counts to {@link QualifyingOrders}, promotion
 * and retention to {@link TierPolicy}, manual tiers to {@link ManualOverride}. Two standings are kept
 * apart: the tier <em>earned</em> by the rules ({@link EarnedTier}), and the tier <em>in force</em>
 * (the earned one, or a manual one); {@link TierInForceChanged} is about the latter. Timers send
 * {@link DecideTier} when validity ends. Created by the member's first order, refund or manual tier.
 */
@Aggregate(cache = "memberTierCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("2") // a snapshot is its fields: bump when they change (MemberTierSnapshotTest)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class MemberTier {

    @AggregateIdentifier
    private MemberId memberId;

    private String programId;
    private final QualifyingOrders orders = new QualifyingOrders();

    /** Null until a rule first decides: the entry tier. */
    private EarnedTier earned;

    private ManualTier manual;

    /** The tier in force as last announced in a TierInForceChanged; null for the entry tier. */
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
        QualifyingOrders.requireCountable(command.orderId(), command.value(), policy.unit());
        if (orders.counted(command.orderId())) {
            return; // the same order re-sent (new event id): it counts once
        }
        List<RefundAwaitingOrderRecorded> overtaken = orders.awaiting(command.orderId());
        apply(new QualifyingOrderRecorded(
                command.memberId(), command.programId(), command.orderId(), command.value(), command.at(),
                command.causationId()));
        // Refunds that overtook this order lower it before anything is decided: the decision sees the net value.
        overtaken.forEach(r -> reduce(r.orderId(), r.refundId(), r.refunded(), r.refundedAt(), r.causationId()));
        policy.promotion(orders.ledger(), earned(policy), command.at())
                .ifPresentOrElse(
                        promotion -> decide(promotion, policy, TierChangeReason.QUALIFIED),
                        () -> settle(policy, TierChangeReason.QUALIFIED, command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReduceQualifyingOrder command, TierPolicy policy) {
        QualifyingOrders.requireCountable(command.orderId(), command.amount(), policy.unit());
        if (orders.refundSeen(command.refundId())) {
            return; // seen before, whether applied already or still awaiting its order
        }
        if (!orders.counted(command.orderId())) {
            // It overtook its order (another topic): kept until the order is counted, then applied.
            apply(new RefundAwaitingOrderRecorded(
                    command.memberId(), program(command.programId()), command.orderId(), command.refundId(),
                    command.amount(), command.refundedAt(), command.causationId()));
            return;
        }
        // Never a decision here: a refund lowers the value, and only re-evaluation can demote.
        reduce(command.orderId(), command.refundId(), command.amount(), command.refundedAt(), command.causationId());
    }

    private void reduce(
            OrderId orderId, String refundId, QualifyingValue refunded, Instant refundedAt, String causationId) {
        apply(new QualifyingOrderReduced(
                memberId, programId, orderId, refundId, refunded, orders.reduction(orderId, refunded), refundedAt,
                causationId));
    }

    @CommandHandler
    void handle(DecideTier command, TierPolicy policy) {
        EarnedTier held = earned(policy);
        if (!command.dueAt().equals(held.due())) {
            return; // a stale timer: validity was renewed or changed since it was set
        }
        decide(policy.atDue(orders.ledger(), held), policy, TierChangeReason.RETENTION_FAILED);
    }

    @CommandHandler
    void handle(AssessTierAtRisk command, TierPolicy policy) {
        EarnedTier held = earned(policy);
        boolean current = !held.inGrace() && command.validUntil().equals(held.validUntil());
        if (!current || command.validUntil().equals(riskAssessedFor) || manualWins(policy)) {
            return;
        }
        policy.risk(orders.ledger(), held).ifPresent(risk -> apply(TierAtRiskAssessed.of(
                memberId, programId, risk, policy.unit(), policy.policyVersion(), command.assessedAt())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AssignManualTier command, TierPolicy policy) {
        ManualTier assignment = ManualOverride.assignment(command, policy);
        apply(new ManualTierAssigned(command.memberId(), program(command.programId()), assignment));
        settle(policy, TierChangeReason.MANUAL, command.at());
    }

    @CommandHandler
    void handle(EndManualTier command, TierPolicy policy) {
        if (ManualOverride.ends(manual, command)) {
            apply(new ManualTierEnded(memberId, programId, manual, command.operatorId(), command.at()));
            settle(policy, TierChangeReason.MANUAL_ENDED, command.at());
        }
    }

    private void decide(TierDecision decision, TierPolicy policy, TierChangeReason reason) {
        apply(TierDecided.of(memberId, programId, decision, policy.unit(), policy.policyVersion()));
        settle(policy, reason, decision.at(), decision.qualifyingValue(), decision.causationIds());
    }

    /** A change that is no decision of the rules: based on the value over the window ending {@code at}. */
    private void settle(TierPolicy policy, TierChangeReason reason, Instant at) {
        settle(policy, reason, at, policy.valueAt(orders.ledger(), at), List.of());
    }

    /**
     * Announces what changed in the tier in force: a TierInForceChanged when the tier itself moved
     * (one, however many tiers are passed), and the new standing whenever tier, validity or manual
     * tier moved.
     */
    private void settle(
            TierPolicy policy, TierChangeReason reason, Instant at, BigDecimal value, List<String> causationIds) {
        EarnedTier held = earned(policy);
        boolean fromManual = manualWins(policy);
        String before = tierInForce != null ? tierInForce : policy.entryTier();
        String now = fromManual ? manual.tier() : held.tier();
        Instant validUntil = fromManual ? manual.until() : held.validUntil();
        QualifyingValue qualifying = new QualifyingValue(value, policy.unit());
        if (!now.equals(before)) {
            // A demotion by the rules says what regains the tier lost; a manual change does not.
            RegainTarget toRegain = reason == TierChangeReason.RETENTION_FAILED && !fromManual && policy.ranksAbove(before, now)
                    ? policy.toRegain(before, value).orElse(null)
                    : null;
            apply(new TierInForceChanged(
                    memberId, programId, before, now, reason, qualifying, policy.policyVersion(), at, validUntil,
                    causationIds, toRegain));
        }
        Standing standing = new Standing(now, inForceSince, validUntil, manual, held.tier(), held.validUntil());
        if (!standing.equals(published)) {
            apply(new MemberTierUpdated(
                    memberId, programId, now, inForceSince, validUntil, qualifying, manual, held.tier(),
                    held.validUntil(), policy.policyVersion(), at));
        }
    }

    private boolean manualWins(TierPolicy policy) {
        return ManualOverride.wins(manual, earned(policy).tier(), policy);
    }

    private EarnedTier earned(TierPolicy policy) {
        return earned != null ? earned : policy.entryStanding();
    }

    /** The member's programme, once known; else the one a command names. */
    private String program(String requested) {
        return programId != null ? programId : Programs.orDefault(requested);
    }

    @EventSourcingHandler
    void on(QualifyingOrderRecorded event) {
        memberId = event.memberId();
        programId = programId != null ? programId : event.programId();
        inForceSince = inForceSince != null ? inForceSince : event.at();
        orders.on(event);
    }

    @EventSourcingHandler
    void on(QualifyingOrderReduced event) {
        orders.on(event);
    }

    @EventSourcingHandler
    void on(RefundAwaitingOrderRecorded event) {
        memberId = event.memberId();
        programId = programId != null ? programId : event.programId();
        orders.on(event);
    }

    @EventSourcingHandler
    void on(TierDecided event) {
        EarnedTier before = earned != null ? earned : EarnedTier.entry(event.fromTier());
        earned = before.after(event.kind(), event.toTier(), event.decidedAt(), event.validUntil(), event.graceEndsAt());
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
    void on(TierInForceChanged event) {
        tierInForce = event.toTier();
        inForceSince = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(MemberTierUpdated event) {
        published = new Standing(event.tier(), event.since(), event.validUntil(), event.manual(), event.earnedTier(),
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

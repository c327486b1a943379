package com.loyaltysuite.tier.status;

import com.loyaltysuite.support.projections.ProjectionBatch;
import com.loyaltysuite.tier.membertier.ManualTierAssigned;
import com.loyaltysuite.tier.membertier.ManualTierEnded;
import com.loyaltysuite.tier.membertier.TierAtRiskAssessed;
import com.loyaltysuite.tier.membertier.TierDecided;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each member's tier history: every decision with its window, policy version and causes, and every
 * manual assignment with its operator. Idempotent (an entry is keyed by its event id) and resettable.
 * The entries of one processor batch are inserted with one JDBC batch.
 */
@Component
@ProcessingGroup(TierHistoryProjection.PROCESSING_GROUP)
class TierHistoryProjection {

    static final String PROCESSING_GROUP = "tier-history";

    private final TierDecisionRecordRepository decisions;
    private final MemberTierStatusRepository statuses;
    private final ProjectionBatch<Map<String, TierDecisionRecord>> batch;

    TierHistoryProjection(
            TierDecisionRecordRepository decisions, MemberTierStatusRepository statuses, JdbcTemplate jdbc) {
        this.decisions = decisions;
        this.statuses = statuses;
        this.batch = new ProjectionBatch<>(PROCESSING_GROUP, LinkedHashMap::new, records -> {
            if (!records.isEmpty()) {
                jdbc.batchUpdate(TierDecisionRecord.INSERT, List.copyOf(records.values()), records.size(),
                        (statement, record) -> record.bindTo(statement));
            }
        });
    }

    @EventHandler
    void on(TierDecided event, EventMessage<?> message, @SequenceNumber long sequence) {
        save(message, new TierDecisionRecord(
                        message.getIdentifier(), event.memberId().value(), sequence, event.kind().name(), event.decidedAt())
                .tiers(event.fromTier(), event.toTier())
                .basedOn(
                        event.qualifyingValue().value(),
                        event.qualifyingValue().unit(),
                        event.window().kind().name(),
                        event.window().from(),
                        event.window().to(),
                        event.policyVersion(),
                        event.causationIds())
                .validity(event.validUntil(), event.graceEndsAt()));
    }

    @EventHandler
    void on(TierAtRiskAssessed event, EventMessage<?> message, @SequenceNumber long sequence) {
        save(message, new TierDecisionRecord(
                        message.getIdentifier(), event.memberId().value(), sequence, "AT_RISK", event.assessedAt())
                .tiers(event.tier(), event.tier())
                .basedOn(
                        event.qualifyingValue().value(),
                        event.qualifyingValue().unit(),
                        null,
                        null,
                        null,
                        event.policyVersion(),
                        List.of())
                .validity(event.validUntil(), null)
                .manual(null, null, "short of retention by " + event.gap().value().toPlainString() + " "
                        + event.gap().unit()));
    }

    @EventHandler
    void on(ManualTierAssigned event, EventMessage<?> message, @SequenceNumber long sequence) {
        var assignment = event.assignment();
        save(message, new TierDecisionRecord(
                        message.getIdentifier(),
                        event.memberId().value(),
                        sequence,
                        "MANUAL_ASSIGNED",
                        assignment.assignedAt())
                .tiers(null, assignment.tier())
                .validity(assignment.until(), null)
                .manual(assignment.operatorId(), assignment.mode().name(), assignment.reason()));
    }

    @EventHandler
    void on(ManualTierEnded event, EventMessage<?> message, @SequenceNumber long sequence) {
        var ended = event.ended();
        save(message, new TierDecisionRecord(
                        message.getIdentifier(), event.memberId().value(), sequence, "MANUAL_ENDED", event.endedAt())
                .tiers(ended.tier(), null)
                .manual(
                        event.operatorId(),
                        ended.mode().name(),
                        event.operatorId() == null ? "end date reached" : "ended early by support"));
    }

    @QueryHandler
    Optional<TierHistoryView> handle(FindTierHistory query) {
        String memberId = query.memberId().value();
        if (!statuses.existsById(memberId)) {
            return Optional.empty();
        }
        return Optional.of(new TierHistoryView(
                memberId,
                decisions.findByMemberIdOrderBySequenceNumber(memberId).stream()
                        .map(TierDecisionRecord::view)
                        .toList()));
    }

    @ResetHandler
    void reset() {
        decisions.deleteAllInBatch();
    }

    private void save(EventMessage<?> message, TierDecisionRecord record) {
        batch.add(records -> records.putIfAbsent(message.getIdentifier(), record));
    }
}

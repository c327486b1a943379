package com.loyaltysuite.benefit.wallet;

import com.loyaltysuite.benefit.grant.UpgradeGiftGranted;
import com.loyaltysuite.support.projections.ProjectionBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The benefits each member holds (卡包), built from the grants. Idempotent (a row is keyed by its
 * benefit id) and resettable: a reset empties the table and the processor rebuilds it from the store.
 * The grants of one processor batch are inserted with one JDBC batch, skipping those already held.
 */
@Component
@ProcessingGroup(MemberBenefitsProjection.PROCESSING_GROUP)
class MemberBenefitsProjection {

    static final String PROCESSING_GROUP = "member-benefits";

    private final HeldBenefitRepository benefits;
    private final ProjectionBatch<Map<String, HeldBenefit>> batch;

    MemberBenefitsProjection(HeldBenefitRepository benefits, JdbcTemplate jdbc) {
        this.benefits = benefits;
        this.batch = new ProjectionBatch<>(PROCESSING_GROUP, LinkedHashMap::new, granted -> {
            if (!granted.isEmpty()) {
                jdbc.batchUpdate(HeldBenefit.INSERT, List.copyOf(granted.values()), granted.size(),
                        (statement, benefit) -> benefit.bindTo(statement));
            }
        });
    }

    @EventHandler
    void on(UpgradeGiftGranted event, @SequenceNumber long memberSequence) {
        HeldBenefit benefit = new HeldBenefit(
                event.benefitId(),
                event.memberId().value(),
                event.programId(),
                event.benefitCode(),
                event.kind(),
                event.tier(),
                event.description(),
                event.grantedAt(),
                event.validUntil(),
                event.causationId(),
                memberSequence);
        batch.add(granted -> granted.putIfAbsent(benefit.benefitId(), benefit));
    }

    @QueryHandler
    List<BenefitView> handle(FindMemberBenefits query) {
        return benefits.findByMemberIdOrderByGrantedAtAscMemberSequenceAsc(query.memberId().value()).stream()
                .map(HeldBenefit::toView)
                .toList();
    }

    @ResetHandler
    void reset() {
        benefits.deleteAllInBatch();
    }
}

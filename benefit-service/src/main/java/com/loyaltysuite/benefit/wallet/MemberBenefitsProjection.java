package com.loyaltysuite.benefit.wallet;

import com.loyaltysuite.benefit.grant.BenefitGranted;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The benefits each member holds (卡包), built from the grants. Idempotent (a row is keyed by its
 * benefit id) and resettable: a reset empties the table and the processor rebuilds it from the store.
 */
@Component
@ProcessingGroup(MemberBenefitsProjection.PROCESSING_GROUP)
class MemberBenefitsProjection {

    static final String PROCESSING_GROUP = "member-benefits";

    private final HeldBenefitRepository benefits;

    MemberBenefitsProjection(HeldBenefitRepository benefits) {
        this.benefits = benefits;
    }

    @EventHandler
    void on(BenefitGranted event, @SequenceNumber long memberSequence) {
        if (benefits.existsById(event.benefitId())) {
            return;
        }
        benefits.save(new HeldBenefit(
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
                memberSequence));
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

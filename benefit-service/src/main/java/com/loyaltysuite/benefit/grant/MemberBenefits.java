package com.loyaltysuite.benefit.grant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.loyaltysuite.benefit.gift.UpgradeGift;
import com.loyaltysuite.benefit.gift.UpgradeGiftPolicy;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The benefits a member holds. Decides whether a tier change earns its upgrade gift: each tier's gift
 * at most once per member, ever, so a member who is demoted and promoted again does not collect it
 * twice.
 */
@Aggregate(cache = "memberBenefitsCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1") // a snapshot is its fields: bump when they change (MemberBenefitsSnapshotTest)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class MemberBenefits {

    @AggregateIdentifier
    private MemberId memberId;

    private final Set<String> tiersGifted = new HashSet<>();

    protected MemberBenefits() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GrantUpgradeGift command, UpgradeGiftPolicy policy) {
        if (tiersGifted.contains(command.tier())) {
            return; // the tier's gift was granted before (a second promotion to it, or the same one re-sent)
        }
        Optional<UpgradeGift> gift = policy.giftFor(command.tier(), command.reason());
        if (gift.isEmpty()) {
            return;
        }
        apply(new UpgradeGiftGranted(
                command.memberId(),
                command.programId(),
                UUID.randomUUID().toString(),
                gift.get().code(),
                BenefitKind.UPGRADE_GIFT,
                command.tier(),
                gift.get().description(),
                command.effectiveAt(),
                command.effectiveAt().plus(gift.get().validity()),
                command.causationId()));
    }

    @EventSourcingHandler
    void on(UpgradeGiftGranted event) {
        memberId = event.memberId();
        tiersGifted.add(event.tier());
    }
}

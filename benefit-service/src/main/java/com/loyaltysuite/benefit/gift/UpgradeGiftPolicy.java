package com.loyaltysuite.benefit.gift;

import com.loyaltysuite.events.tier.TierChangeReason;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Which gift, if any, a tier change earns. Plain Java, no I/O. That a member gets each tier's gift
 * only once is the {@code MemberBenefits} aggregate's rule: it needs the member's history.
 */
@Component
@EnableConfigurationProperties(UpgradeGiftProperties.class)
public class UpgradeGiftPolicy {

    /**
     * A failed retention or the end of a manual assignment moves a member back to the tier their
     * qualifying value earns: not a promotion, so no gift.
     */
    static final Set<TierChangeReason> NOT_A_PROMOTION =
            EnumSet.of(TierChangeReason.RETENTION_FAILED, TierChangeReason.MANUAL_ENDED);

    private final UpgradeGiftProperties catalogue;

    public UpgradeGiftPolicy(UpgradeGiftProperties catalogue) {
        this.catalogue = catalogue;
    }

    public Optional<UpgradeGift> giftFor(String tier, TierChangeReason reason) {
        if (NOT_A_PROMOTION.contains(reason)) {
            return Optional.empty();
        }
        return Optional.ofNullable(catalogue.upgradeGifts().get(tier));
    }
}

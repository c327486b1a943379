package com.loyaltysuite.benefit.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyaltysuite.events.tier.TierChangeReason;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class UpgradeGiftPolicyTest {

    final UpgradeGiftPolicy policy = new UpgradeGiftPolicy(new UpgradeGiftProperties(null));

    @ParameterizedTest
    @CsvSource({
        "SILVER, SILVER_UPGRADE_GIFT, 银牌升级礼包：20元无门槛优惠券",
        "GOLD, GOLD_UPGRADE_GIFT, 金牌升级礼包：50元优惠券 + 全年免邮",
        "DIAMOND, DIAMOND_UPGRADE_GIFT, 钻石升级礼包：100元优惠券 + 专属客服",
        "ACADEMICIAN, ACADEMICIAN_UPGRADE_GIFT, 院士升级礼包：200元优惠券 + 生日双倍积分"
    })
    void eachHigherTierHasANinetyDayGiftByDefault(String tier, String code, String description) {
        assertThat(policy.giftFor(tier, TierChangeReason.QUALIFIED))
                .contains(new UpgradeGift(code, description, Duration.ofDays(90)));
    }

    @Test
    void theEntryTierAndUnknownTiersHaveNone() {
        assertThat(policy.giftFor("MEMBER", TierChangeReason.QUALIFIED)).isEmpty();
        assertThat(policy.giftFor("PLATINUM", TierChangeReason.QUALIFIED)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TierChangeReason.class, names = {"RETENTION_FAILED", "MANUAL_ENDED"})
    void aChangeThatIsNoPromotionEarnsNothing(TierChangeReason reason) {
        assertThat(policy.giftFor("SILVER", reason)).isEmpty();
    }

    @Test
    void aManualAssignmentEarnsTheTiersGift() {
        assertThat(policy.giftFor("GOLD", TierChangeReason.MANUAL)).map(UpgradeGift::code).contains("GOLD_UPGRADE_GIFT");
    }

    @Test
    void aConfiguredCatalogueReplacesTheDefaults() {
        var custom = new UpgradeGiftPolicy(new UpgradeGiftProperties(
                Map.of("GOLD", new UpgradeGift("GOLD_2027", "金牌礼包", Duration.ofDays(30)))));

        assertThat(custom.giftFor("GOLD", TierChangeReason.QUALIFIED)).map(UpgradeGift::code).contains("GOLD_2027");
        assertThat(custom.giftFor("SILVER", TierChangeReason.QUALIFIED)).isEmpty();
    }

    @Test
    void aGiftMustBeValidForSomeTime() {
        assertThatThrownBy(() -> new UpgradeGift("X", "x", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validity of X");
    }
}

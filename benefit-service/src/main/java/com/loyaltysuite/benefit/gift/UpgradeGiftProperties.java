package com.loyaltysuite.benefit.gift;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The catalogue of upgrade gifts (升级礼包), by tier code. A tier without an entry (the entry tier
 * {@code MEMBER}) has no gift. Changing the catalogue affects grants from then on; gifts already
 * granted keep the code, description and validity they were granted with.
 *
 * @param upgradeGifts gift per tier code, e.g. {@code SILVER}
 */
@ConfigurationProperties("loyalty.benefit")
public record UpgradeGiftProperties(Map<String, UpgradeGift> upgradeGifts) {

    private static final Duration NINETY_DAYS = Duration.ofDays(90);

    /** The programme's gifts when the configuration names none. */
    static final Map<String, UpgradeGift> DEFAULT_GIFTS = Map.of(
            "SILVER", new UpgradeGift("SILVER_UPGRADE_GIFT", "银牌升级礼包：20元无门槛优惠券", NINETY_DAYS),
            "GOLD", new UpgradeGift("GOLD_UPGRADE_GIFT", "金牌升级礼包：50元优惠券 + 全年免邮", NINETY_DAYS),
            "DIAMOND", new UpgradeGift("DIAMOND_UPGRADE_GIFT", "钻石升级礼包：100元优惠券 + 专属客服", NINETY_DAYS),
            "ACADEMICIAN",
            new UpgradeGift("ACADEMICIAN_UPGRADE_GIFT", "院士升级礼包：200元优惠券 + 生日双倍积分", NINETY_DAYS));

    public UpgradeGiftProperties {
        upgradeGifts = upgradeGifts == null ? DEFAULT_GIFTS : Map.copyOf(upgradeGifts);
    }
}

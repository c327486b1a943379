package com.loyaltysuite.tier.ladder;

import java.math.BigDecimal;

/**
 * A rung of the ladder.
 *
 * @param code stable identifier carried on events (e.g. {@code SILVER}); never renamed
 * @param nameZhCn the name members see (银牌)
 * @param nameEn the English name
 * @param threshold the qualifying value, in the ladder's unit, at which a member reaches it
 * @param retentionThreshold the qualifying value over the window that keeps it at the end of
 *     validity (保级); the entry threshold when not set, never above it
 */
public record Tier(String code, String nameZhCn, String nameEn, BigDecimal threshold, BigDecimal retentionThreshold) {

    public Tier {
        retentionThreshold = retentionThreshold == null ? threshold : retentionThreshold;
    }

    public Tier(String code, String nameZhCn, String nameEn, BigDecimal threshold) {
        this(code, nameZhCn, nameEn, threshold, threshold);
    }
}

package com.loyaltysuite.tier.ladder;

import java.math.BigDecimal;

/**
 * One rung of the ladder (会员等级).
 *
 * @param code stable identifier carried on events (e.g. {@code SILVER}); never renamed
 * @param nameZhCn the name members see (银牌)
 * @param nameEn the English name
 * @param threshold the qualifying value, in the ladder's currency, at which a member reaches it
 */
public record Tier(String code, String nameZhCn, String nameEn, BigDecimal threshold) {}

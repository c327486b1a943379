package com.loyaltysuite.tier.ladder;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

/** The programme's ladder as tier-service.yml configures it, for tests. */
public final class Ladders {

    private Ladders() {}

    public static TierLadder standard() {
        return new TierLadder("ladder-v1", "CNY", Period.ofMonths(12), List.of(
                new Tier("MEMBER", "普通", "Member", new BigDecimal("0")),
                new Tier("SILVER", "银牌", "Silver", new BigDecimal("500")),
                new Tier("GOLD", "金牌", "Gold", new BigDecimal("2000")),
                new Tier("DIAMOND", "钻石", "Diamond", new BigDecimal("5000")),
                new Tier("ACADEMICIAN", "院士", "Academician", new BigDecimal("10000"))));
    }

    /** The standard ladder measured in earned points (成长值) rather than spend. */
    public static TierLadder points() {
        return new TierLadder("points-v1", TierLadder.POINTS, Period.ofMonths(12), List.of(
                new Tier("MEMBER", "普通", "Member", new BigDecimal("0")),
                new Tier("SILVER", "银牌", "Silver", new BigDecimal("500")),
                new Tier("GOLD", "金牌", "Gold", new BigDecimal("2000"))));
    }
}

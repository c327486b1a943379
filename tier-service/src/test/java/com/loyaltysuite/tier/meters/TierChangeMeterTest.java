package com.loyaltysuite.tier.meters;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import com.loyaltysuite.tier.membertier.TierInForceChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** loyalty.tier.changes moves once per change, by direction and new tier, after the commit. */
class TierChangeMeterTest {

    static final TierLadder LADDER = new TierLadder("v1", "CNY", Period.ofYears(1), List.of(
            new Tier("MEMBER", "普通会员", "Member", BigDecimal.ZERO),
            new Tier("SILVER", "银卡", "Silver", new BigDecimal("500")),
            new Tier("GOLD", "金卡", "Gold", new BigDecimal("2000"))));

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TierChangeMeter meter = new TierChangeMeter(registry, LADDER);

    @Test
    void anUpgradeAndADowngradeCountByDirectionAndTheNewTier() {
        meter.on(change("MEMBER", "GOLD", TierChangeReason.QUALIFIED));
        meter.on(change("MEMBER", "GOLD", TierChangeReason.QUALIFIED));
        // a manual tier may move either way: the ladder decides the direction, not the reason
        meter.on(change("GOLD", "SILVER", TierChangeReason.MANUAL));

        assertThat(count("up", "GOLD")).isEqualTo(2);
        assertThat(count("down", "SILVER")).isEqualTo(1);
        assertThat(registry.find("loyalty.tier.changes").counters()).hasSize(2);
    }

    @Test
    void aChangeCountsOnlyOnceItsUnitOfWorkCommits() {
        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        meter.on(change("MEMBER", "SILVER", TierChangeReason.QUALIFIED));
        rolledBack.rollback();
        assertThat(count("up", "SILVER")).isZero();

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        meter.on(change("MEMBER", "SILVER", TierChangeReason.QUALIFIED));
        assertThat(count("up", "SILVER")).isZero();
        committed.commit();
        assertThat(count("up", "SILVER")).isEqualTo(1);
    }

    private double count(String direction, String tier) {
        Counter counter = registry.find("loyalty.tier.changes")
                .tags("direction", direction, "tier", tier)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static TierInForceChanged change(String from, String to, TierChangeReason reason) {
        return new TierInForceChanged(MemberId.of("M-1"), "default", from, to, reason, null, "v1",
                Instant.parse("2026-11-23T10:00:00Z"), null, List.of());
    }
}

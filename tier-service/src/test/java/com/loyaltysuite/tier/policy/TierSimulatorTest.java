package com.loyaltysuite.tier.policy;

import static com.loyaltysuite.tier.policy.TierPolicyTest.ledger;
import static com.loyaltysuite.tier.policy.TierPolicyTest.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierSimulatorTest {

    static final Instant T0 = Instant.parse("2025-01-10T10:00:00Z");

    final TierSimulator standard = new TierSimulator(TierPolicyTest.policy(DemotionPolicy.SOFT_LANDING, Period.ZERO));

    @Test
    void promotesAtEachOrderAndKeepsOrDemotesAtEachValidityEnd() {
        QualifyingLedger history = ledger(
                order("O-1", "2500", T0),
                order("O-2", "600", Instant.parse("2025-06-01T00:00:00Z")));

        assertThat(standard.tierAt(history, Instant.parse("2025-12-31T00:00:00Z"))).isEqualTo("GOLD");
        // 10 Jan 2026: 600 over the year is short of GOLD's 2000: one step down to SILVER until 2027.
        assertThat(standard.tierAt(history, Instant.parse("2026-02-01T00:00:00Z"))).isEqualTo("SILVER");
        // 10 Jan 2027: nothing in the year: MEMBER.
        assertThat(standard.tierAt(history, Instant.parse("2027-02-01T00:00:00Z"))).isEqualTo("MEMBER");
    }

    @Test
    void aProposedLadderDecidesTheSameHistoryDifferently() {
        TierLadder higher = new TierLadder("ladder-v2", "CNY", Period.ofMonths(12), List.of(
                new Tier("MEMBER", "普通", "Member", BigDecimal.ZERO),
                new Tier("SILVER", "银牌", "Silver", new BigDecimal("1000")),
                new Tier("GOLD", "金牌", "Gold", new BigDecimal("3000"))));
        TierSimulator proposed = new TierSimulator(new TierPolicy(higher, null, null, null, null, null));
        QualifyingLedger history = ledger(order("O-1", "2500", T0));

        assertThat(standard.tierAt(history, T0.plusSeconds(60))).isEqualTo("GOLD");
        assertThat(proposed.tierAt(history, T0.plusSeconds(60))).isEqualTo("SILVER");
    }

    @Test
    void ordersAfterTheSimulatedInstantDoNotCount() {
        QualifyingLedger history = ledger(order("O-1", "600", T0.plusSeconds(3600)));

        assertThat(standard.tierAt(history, T0)).isEqualTo("MEMBER");
    }
}

package com.loyaltysuite.tier.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How each decision moves the standing of the earned tier: the one update the member's tier and the simulator share. */
class EarnedTierTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant YEAR_ON = Instant.parse("2027-11-23T10:00:00Z");
    static final Instant TWO_YEARS_ON = Instant.parse("2028-11-23T10:00:00Z");

    @Test
    void aPromotionOrADemotionStartsANewTenure() {
        EarnedTier silver = EarnedTier.entry("MEMBER").after(DecisionKind.PROMOTED, "SILVER", T0, YEAR_ON, null);
        EarnedTier member = silver.after(DecisionKind.DEMOTED, "MEMBER", YEAR_ON, null, null);

        assertThat(silver).isEqualTo(new EarnedTier("SILVER", T0, YEAR_ON, null));
        assertThat(silver.due()).isEqualTo(YEAR_ON);
        assertThat(member).isEqualTo(new EarnedTier("MEMBER", YEAR_ON, null, null));
        assertThat(member.due()).isNull();
    }

    @Test
    void retentionAndGraceKeepTheTenureAndMoveTheDueDate() {
        EarnedTier silver = new EarnedTier("SILVER", T0, YEAR_ON, null);
        Instant graceEnd = YEAR_ON.plusSeconds(30 * 24 * 3600);

        EarnedTier inGrace = silver.after(DecisionKind.GRACE_STARTED, "SILVER", YEAR_ON, YEAR_ON, graceEnd);
        EarnedTier kept = inGrace.after(DecisionKind.RETAINED, "SILVER", graceEnd, TWO_YEARS_ON, null);

        assertThat(inGrace.since()).isEqualTo(T0);
        assertThat(inGrace.inGrace()).isTrue();
        assertThat(inGrace.due()).isEqualTo(graceEnd);
        assertThat(kept).isEqualTo(new EarnedTier("SILVER", T0, TWO_YEARS_ON, null));
        assertThat(kept.inGrace()).isFalse();
    }
}

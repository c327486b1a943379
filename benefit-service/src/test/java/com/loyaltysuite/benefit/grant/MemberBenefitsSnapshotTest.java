package com.loyaltysuite.benefit.grant;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.benefit.gift.UpgradeGiftPolicy;
import com.loyaltysuite.benefit.gift.UpgradeGiftProperties;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** A snapshot of a member's benefits restores what replay gives, and a gift is still granted once. */
class MemberBenefitsSnapshotTest {

    static final MemberId MEMBER = MemberId.of("M-7");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aSnapshotRestoresExactlyTheStateThatReplayingTheEventsGives() {
        UpgradeGiftPolicy policy = new UpgradeGiftPolicy(new UpgradeGiftProperties(null));
        AggregateHarness<MemberBenefits> replaying = AggregateHarness.replaying(MemberBenefits.class, policy);
        AggregateHarness<MemberBenefits> snapshotting = AggregateHarness.snapshottingEvery(1, MemberBenefits.class, policy);
        List<GrantUpgradeGift> grants = List.of(
                grant("SILVER", "evt-1"), grant("GOLD", "evt-2"), grant("DIAMOND", "evt-3"), grant("SILVER", "evt-4"));

        List<Object> fromReplay = replaying.sendAll(grants);
        List<Object> fromSnapshots = snapshotting.sendAll(grants);

        MemberBenefits replayed = replaying.load(MEMBER.value());
        assertThat(AggregateHarness.roundTrip(replayed)).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(AggregateHarness.json(replayed)).contains("\"tiersGifted\":[");
        assertThat(snapshotting.snapshotsTaken()).isPositive();
        assertThat(fromSnapshots).hasSize(3).hasSameSizeAs(fromReplay); // SILVER is gifted once
        assertThat(snapshotting.load(MEMBER.value())).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(MemberBenefits.class.getAnnotation(Revision.class).value()).isEqualTo("1");
    }

    static GrantUpgradeGift grant(String tier, String causationId) {
        return new GrantUpgradeGift(MEMBER, "default", tier, TierChangeReason.QUALIFIED, AT, causationId);
    }
}

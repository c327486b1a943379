package com.loyaltysuite.benefit.grant;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.benefit.catalogue.BenefitCatalogue;
import com.loyaltysuite.benefit.catalogue.ShippedCatalogue;
import com.loyaltysuite.benefit.coupon.CouponCodes;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.tier.TierChangeReason;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** A snapshot of a member's benefits restores what replay gives, and a pack is still given once per period. */
class MemberBenefitsSnapshotTest {

    static final MemberId MEMBER = MemberId.of("M-7");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aSnapshotRestoresExactlyTheStateThatReplayingTheEventsGives() {
        BenefitCatalogue catalogue = ShippedCatalogue.load();
        CouponCodes codes = new CouponCodes(null);
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        AggregateHarness<MemberBenefits> replaying = AggregateHarness.replaying(MemberBenefits.class, catalogue, codes, clock);
        AggregateHarness<MemberBenefits> snapshotting =
                AggregateHarness.snapshottingEvery(1, MemberBenefits.class, catalogue, codes, clock);
        List<Object> commands = List.of(
                change("MEMBER", "SILVER", "evt-1"),
                change("SILVER", "GOLD", "evt-2"),
                new NoteBirthday(MEMBER, "default", MonthDay.of(5, 20), AT),
                new NoteMemberStatus(MEMBER, "default", MemberStatus.FROZEN, AT, "m-1"),
                change("GOLD", "SILVER", "evt-3"),
                change("SILVER", "GOLD", "evt-4"),
                new NoteMemberStatus(MEMBER, "default", MemberStatus.ACTIVE, AT, "m-2"),
                new ExchangeCommands.StartExchange(MEMBER, "default", "x-1", "EXCHANGE_20", AT));

        List<Object> fromReplay = new ArrayList<>(replaying.sendAll(commands));
        List<Object> fromSnapshots = new ArrayList<>(snapshotting.sendAll(commands));
        // The exchange's coupon held, awaiting points-service's confirmation: in the snapshot too.
        String exchangeId = fromReplay.stream().filter(ExchangeEvents.ExchangeStarted.class::isInstance)
                .map(e -> ((ExchangeEvents.ExchangeStarted) e).exchangeId()).findFirst().orElseThrow();
        List<Object> holding = List.of(
                new ExchangeCommands.RecordExchangeReserved(MEMBER, exchangeId, "R-1", AT),
                new ExchangeCommands.IssueExchangeCoupon(MEMBER, exchangeId, AT));
        fromReplay.addAll(replaying.sendAll(holding));
        fromSnapshots.addAll(snapshotting.sendAll(holding));

        MemberBenefits replayed = replaying.load(MEMBER.value());
        assertThat(AggregateHarness.roundTrip(replayed)).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(AggregateHarness.json(replayed)).contains("\"packPeriodEnds\":{").contains("\"coupons\":{")
                .contains("\"heldForExchanges\":{\"" + exchangeId);
        assertThat(snapshotting.snapshotsTaken()).isPositive();
        assertThat(fromSnapshots).hasSameSizeAs(fromReplay);
        assertThat(snapshotting.load(MEMBER.value())).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(MemberBenefits.class.getAnnotation(Revision.class).value()).isEqualTo("3");
    }

    static ApplyTierChange change(String from, String to, String causationId) {
        return new ApplyTierChange(MEMBER, "default", from, to, TierChangeReason.QUALIFIED, AT, AT.plus(Duration.ofDays(365)), causationId);
    }
}

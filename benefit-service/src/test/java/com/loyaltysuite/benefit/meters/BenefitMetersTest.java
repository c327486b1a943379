package com.loyaltysuite.benefit.meters;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.benefit.grant.CouponIssued;
import com.loyaltysuite.benefit.grant.CouponUsed;
import com.loyaltysuite.benefit.grant.StandingBenefitGiven;
import com.loyaltysuite.benefit.grant.UpgradeGiftGranted;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** Benefits granted and redeemed, by kind, once their unit of work commits. */
class BenefitMetersTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BenefitMeters meters = new BenefitMeters(registry);

    @Test
    void grantsAndRedemptionsCountByKind() {
        meters.on(new UpgradeGiftGranted(MEMBER, "default", "B-1", "SILVER_PACK", BenefitKind.UPGRADE_GIFT, "SILVER",
                "pack", AT, null, "e-1"));
        meters.on(coupon("C-1", BenefitKind.UPGRADE_GIFT));
        meters.on(coupon("C-2", BenefitKind.BIRTHDAY_GIFT));
        meters.on(new StandingBenefitGiven(MEMBER, "default", "B-2", "FREE_SHIPPING", BenefitKind.FREE_SHIPPING,
                "SILVER", "free shipping", null, AT, "benefits-v1", "e-1"));
        meters.on(new CouponUsed(MEMBER, "default", "C-2", "BIRTHDAY_20", "req-1", "O-1", null, "APP", AT,
                BenefitKind.BIRTHDAY_GIFT));

        assertThat(count(BenefitMeters.GRANTED, "UPGRADE_GIFT")).isEqualTo(2);
        assertThat(count(BenefitMeters.GRANTED, "BIRTHDAY_GIFT")).isEqualTo(1);
        assertThat(count(BenefitMeters.GRANTED, "FREE_SHIPPING")).isEqualTo(1);
        assertThat(count(BenefitMeters.REDEEMED, "BIRTHDAY_GIFT")).isEqualTo(1);
        assertThat(count(BenefitMeters.REDEEMED, "UPGRADE_GIFT")).isZero();
    }

    @Test
    void aRedemptionRolledBackCountsNothingAndACommittedOneCountsAfterTheCommit() {
        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        meters.on(used(BenefitKind.COUPON));
        rolledBack.rollback();

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        meters.on(used(BenefitKind.COUPON));
        assertThat(count(BenefitMeters.REDEEMED, "COUPON")).isZero();
        committed.commit();

        assertThat(count(BenefitMeters.REDEEMED, "COUPON")).isEqualTo(1);
    }

    private double count(String name, String type) {
        Counter counter = registry.find(name).tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private static CouponUsed used(BenefitKind kind) {
        return new CouponUsed(MEMBER, "default", "C-9", "EXCHANGE_20", "req-9", "O-9", null, "APP", AT, kind);
    }

    private static CouponIssued coupon(String id, BenefitKind kind) {
        return new CouponIssued(MEMBER, "default", id, "CODE", kind, "SILVER", "coupon", null, null, List.of(), false, AT,
                AT.plusSeconds(86_400), "hash", "sealed", "benefits-v1", "e-1");
    }
}

package com.loyaltysuite.benefit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.benefit.coupon.CouponCodes;
import com.loyaltysuite.benefit.grant.CouponIssued;
import com.loyaltysuite.benefit.grant.CouponReinstated;
import com.loyaltysuite.benefit.grant.CouponUseReversed;
import com.loyaltysuite.benefit.grant.CouponUsed;
import com.loyaltysuite.benefit.grant.StandingBenefitGiven;
import com.loyaltysuite.benefit.grant.StandingBenefitWithdrawn;
import com.loyaltysuite.benefit.grant.TierNoted;
import com.loyaltysuite.benefit.grant.UpgradeGiftGranted;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.events.benefit.BenefitRedeemed;
import com.loyaltysuite.events.benefit.BenefitRestored;
import com.loyaltysuite.events.benefit.BenefitRevoked;
import com.loyaltysuite.events.benefit.CouponTerms;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.codec.EventSchemas;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored events and the contract events other services see: each mapped event is the one expected,
 * its JSON satisfies the contract's schema, and it reads back unchanged.
 */
class BenefitEventMapperTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant GRANTED_AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant VALID_UNTIL = Instant.parse("2027-02-21T10:00:00Z");

    final CouponCodes codes = new CouponCodes(null);
    final IntegrationEventMappings mapper = new BenefitEventMapper().benefitEvents(codes);

    @Test
    void aGiftGrantedBeforeCataloguesIsStillPublishedAsBenefitGranted() throws IOException {
        var granted = new UpgradeGiftGranted(MEMBER, "default", "B-1", "SILVER_UPGRADE_GIFT", BenefitKind.UPGRADE_GIFT,
                "SILVER", "银牌升级礼包：20元无门槛优惠券", GRANTED_AT, VALID_UNTIL, "evt-tier-1");

        assertThat(publishedAs(granted, EventType.BENEFIT_GRANTED))
                .isEqualTo(new BenefitGranted(MEMBER, "default", "B-1", "SILVER_UPGRADE_GIFT", BenefitKind.UPGRADE_GIFT,
                        "SILVER", "银牌升级礼包：20元无门槛优惠券", GRANTED_AT, VALID_UNTIL, "evt-tier-1", null, null, null));
    }

    @Test
    void aStandingBenefitIsPublishedWithItsPriceFactor() throws IOException {
        var given = new StandingBenefitGiven(MEMBER, "default", "B-2", "MEMBER_PRICE_95", BenefitKind.MEMBER_PRICE, "GOLD",
                "会员价 95折", new BigDecimal("0.95"), GRANTED_AT, "benefits-v1", "evt-2");

        assertThat(publishedAs(given, EventType.BENEFIT_GRANTED)).isInstanceOfSatisfying(BenefitGranted.class, granted -> {
            assertThat(granted.priceFactor()).isEqualByComparingTo("0.95");
            assertThat(granted.validUntil()).isNull();
            assertThat(granted.catalogueVersion()).isEqualTo("benefits-v1");
        });
        assertThat(publishedAs(new StandingBenefitWithdrawn(MEMBER, "default", "B-2", "MEMBER_PRICE_95", BenefitKind.MEMBER_PRICE,
                        "TIER_LEFT", VALID_UNTIL, "evt-3"), EventType.BENEFIT_REVOKED))
                .isEqualTo(new BenefitRevoked(MEMBER, "default", "B-2", "TIER_LEFT", VALID_UNTIL, "evt-3", "MEMBER_PRICE_95",
                        BenefitKind.MEMBER_PRICE));
    }

    @Test
    void aCouponIsPublishedWithItsCodeInClearOnceItsSealIsOpened() throws IOException {
        String code = codes.newCode();
        var issued = new CouponIssued(MEMBER, "default", "C-1", "SILVER_PACK_20", BenefitKind.UPGRADE_GIFT, "SILVER", "20元券",
                Money.of("20", "CNY"), Money.of("0", "CNY"), List.of("APP"), false, GRANTED_AT, VALID_UNTIL,
                CouponCodes.hash(code), codes.seal(code), "benefits-v1", "evt-1");

        assertThat(publishedAs(issued, EventType.BENEFIT_GRANTED)).isInstanceOfSatisfying(BenefitGranted.class, granted ->
                assertThat(granted.coupon()).isEqualTo(new CouponTerms(code, Money.of("20", "CNY"), Money.of("0", "CNY"),
                        List.of("APP"), GRANTED_AT)));
    }

    @Test
    void redemptionsAndRestoredCouponsArePublished() throws IOException {
        assertThat(publishedAs(new CouponUsed(MEMBER, "default", "C-1", "SILVER_PACK_20", "req-1", "O-1", Money.of("99.00", "CNY"),
                        "APP", VALID_UNTIL, BenefitKind.UPGRADE_GIFT), EventType.BENEFIT_REDEEMED))
                .isEqualTo(new BenefitRedeemed(MEMBER, "default", "C-1", "O-1", VALID_UNTIL, "req-1", "SILVER_PACK_20",
                        Money.of("99.00", "CNY"), "APP"));
        assertThat(publishedAs(new CouponReinstated(MEMBER, "default", "C-1", "req-1", "refund", GRANTED_AT, VALID_UNTIL),
                        EventType.BENEFIT_RESTORED))
                .isEqualTo(new BenefitRestored(MEMBER, "default", "C-1", "req-1", "refund", GRANTED_AT, VALID_UNTIL));
    }

    @Test
    void internalNotesStayInside() {
        assertThat(mapper.toIntegrationEvent("something else")).isEmpty();
        assertThat(mapper.toIntegrationEvent(new TierNoted(MEMBER, "default", "GOLD", GRANTED_AT, "e"))).isEmpty();
        assertThat(mapper.toIntegrationEvent(new CouponUseReversed(MEMBER, "default", "C-1", "r", "x", GRANTED_AT))).isEmpty();
    }

    /** The contract event, after checking that it is of {@code type} and that its JSON satisfies the schema. */
    private IntegrationEvent publishedAs(Object stored, EventType type) throws IOException {
        IntegrationEvent event = mapper.toIntegrationEvent(stored).orElseThrow();
        byte[] json = CloudEventCodec.toJson(event);
        assertThat(EventType.of(event.getClass())).isEqualTo(type);
        assertThat(EventSchemas.violations(type, EventJson.mapper().readTree(json))).isEmpty();
        return CloudEventCodec.parseData(type, json);
    }
}

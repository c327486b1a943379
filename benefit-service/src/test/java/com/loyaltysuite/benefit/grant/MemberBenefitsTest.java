package com.loyaltysuite.benefit.grant;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import com.loyaltysuite.benefit.gift.UpgradeGiftPolicy;
import com.loyaltysuite.benefit.gift.UpgradeGiftProperties;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.events.tier.TierChangeReason;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberBenefitsTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant PROMOTED_AT = Instant.parse("2026-11-23T10:00:00Z");

    AggregateTestFixture<MemberBenefits> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberBenefits.class);
        fixture.registerInjectableResource(new UpgradeGiftPolicy(new UpgradeGiftProperties(null)));
    }

    @Test
    void aPromotionGrantsTheTiersGiftValidForNinetyDaysFromTheChange() {
        fixture.givenNoPriorActivity()
                .when(grant("SILVER", TierChangeReason.QUALIFIED, "evt-1"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches((UpgradeGiftGranted e) ->
                                e.equals(silverGift(e.benefitId(), "evt-1")) && isUuid(e.benefitId())),
                        andNoMore())));
    }

    @Test
    void aTiersGiftIsGrantedOnceEvenWhenTheMemberReachesItAgain() {
        fixture.given(silverGift("B-1", "evt-1"))
                .when(grant("SILVER", TierChangeReason.QUALIFIED, "evt-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPromotionToANewTierGrantsThatTiersGiftToo() {
        fixture.given(silverGift("B-1", "evt-1"))
                .when(grant("GOLD", TierChangeReason.QUALIFIED, "evt-2"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches((UpgradeGiftGranted e) -> e.benefitCode().equals("GOLD_UPGRADE_GIFT")
                                && e.tier().equals("GOLD")
                                && e.causationId().equals("evt-2")
                                && !e.benefitId().equals("B-1")),
                        andNoMore())));
    }

    @Test
    void theEntryTierHasNoGift() {
        fixture.givenNoPriorActivity()
                .when(grant("MEMBER", TierChangeReason.QUALIFIED, "evt-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedRetentionIsNoPromotion() {
        fixture.givenNoPriorActivity()
                .when(grant("SILVER", TierChangeReason.RETENTION_FAILED, "evt-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theEndOfAManualAssignmentIsNoPromotion() {
        fixture.givenNoPriorActivity()
                .when(grant("GOLD", TierChangeReason.MANUAL_ENDED, "evt-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    static GrantUpgradeGift grant(String tier, TierChangeReason reason, String causationId) {
        return new GrantUpgradeGift(MEMBER, "default", tier, reason, PROMOTED_AT, causationId);
    }

    static UpgradeGiftGranted silverGift(String benefitId, String causationId) {
        return new UpgradeGiftGranted(
                MEMBER,
                "default",
                benefitId,
                "SILVER_UPGRADE_GIFT",
                BenefitKind.UPGRADE_GIFT,
                "SILVER",
                "银牌升级礼包：20元无门槛优惠券",
                PROMOTED_AT,
                PROMOTED_AT.plus(Duration.ofDays(90)),
                causationId);
    }

    private static boolean isUuid(String value) {
        return UUID.fromString(value).toString().equals(value);
    }
}

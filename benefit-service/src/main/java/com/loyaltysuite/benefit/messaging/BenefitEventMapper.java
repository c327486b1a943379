package com.loyaltysuite.benefit.messaging;

import com.loyaltysuite.benefit.coupon.CouponCodes;
import com.loyaltysuite.benefit.grant.CouponIssued;
import com.loyaltysuite.benefit.grant.CouponReinstated;
import com.loyaltysuite.benefit.grant.CouponUsed;
import com.loyaltysuite.benefit.grant.CouponWithdrawn;
import com.loyaltysuite.benefit.grant.StandingBenefitGiven;
import com.loyaltysuite.benefit.grant.StandingBenefitWithdrawn;
import com.loyaltysuite.benefit.grant.UpgradeGiftGranted;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.events.benefit.BenefitRedeemed;
import com.loyaltysuite.events.benefit.BenefitRestored;
import com.loyaltysuite.events.benefit.BenefitRevoked;
import com.loyaltysuite.events.benefit.CouponTerms;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of members' benefits other services see on {@code loyalty.benefits.v1}. A coupon's code is
 * opened here, the one place it leaves the service in clear (ADR 10). Internal notes (tiers, birthdays,
 * statuses, packs given, reversals that restored nothing) stay inside.
 */
@Configuration(proxyBeanMethods = false)
class BenefitEventMapper {

    @Bean
    IntegrationEventMappings benefitEvents(CouponCodes codes) {
        return IntegrationEventMappings.builder()
                .map(UpgradeGiftGranted.class, e -> new BenefitGranted(e.memberId(), e.programId(), e.benefitId(),
                        e.benefitCode(), e.kind(), e.tier(), e.description(), e.grantedAt(), e.validUntil(),
                        e.causationId(), null, null, null))
                .map(StandingBenefitGiven.class, e -> new BenefitGranted(e.memberId(), e.programId(), e.benefitId(),
                        e.benefitCode(), e.kind(), e.tier(), e.description(), e.givenAt(), null, e.causationId(),
                        e.catalogueVersion(), e.priceFactor(), null))
                .map(CouponIssued.class, e -> new BenefitGranted(e.memberId(), e.programId(), e.couponId(),
                        e.benefitCode(), e.kind(), e.tier(), e.description(), e.validFrom(), e.validUntil(),
                        e.causationId(), e.catalogueVersion(), null,
                        new CouponTerms(codes.open(e.sealedCode()).orElse(null), e.faceValue(), e.minSpend(),
                                e.channels(), e.validFrom())))
                .map(StandingBenefitWithdrawn.class, e -> new BenefitRevoked(e.memberId(), e.programId(), e.benefitId(),
                        e.reason(), e.withdrawnAt(), e.causationId(), e.benefitCode(), e.kind()))
                .map(CouponWithdrawn.class, e -> new BenefitRevoked(e.memberId(), e.programId(), e.couponId(),
                        e.reason(), e.withdrawnAt(), e.causationId(), e.benefitCode(), e.kind()))
                .map(CouponUsed.class, e -> new BenefitRedeemed(e.memberId(), e.programId(), e.couponId(), e.orderId(),
                        e.usedAt(), e.requestId(), e.benefitCode(), e.orderAmount(), e.channel()))
                .map(CouponReinstated.class, e -> new BenefitRestored(e.memberId(), e.programId(), e.couponId(),
                        e.requestId(), e.reason(), e.reinstatedAt(), e.validUntil()))
                .build();
    }
}

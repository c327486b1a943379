package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.benefit.coupon.Usability;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.benefit.BenefitKind;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A coupon a member holds, as their {@link MemberBenefits} knows it; immutable, replaced on each change. */
record HeldCoupon(
        String couponId,
        String benefitCode,
        BenefitKind kind,
        String tier,
        Money minSpend,
        List<String> channels,
        boolean tierExclusive,
        Instant validFrom,
        Instant validUntil,
        Status status) {

    enum Status {
        ACTIVE,
        USED,
        REVOKED
    }

    static HeldCoupon of(CouponIssued issued) {
        return new HeldCoupon(issued.couponId(), issued.benefitCode(), issued.kind(), issued.tier(), issued.minSpend(), issued.channels(),
                issued.tierExclusive(), issued.validFrom(), issued.validUntil(), Status.ACTIVE);
    }

    HeldCoupon with(Status newStatus) {
        return new HeldCoupon(couponId, benefitCode, kind, tier, minSpend, channels, tierExclusive, validFrom, validUntil, newStatus);
    }

    /**
     * Whether the coupon can be used on the order now. The member's standing first, then the coupon's
     * state, its validity, the tier it needs, the channel, and last the amount.
     *
     * @param tierRankNow the rank of the member's tier now; {@code tierRank} that of the coupon's tier
     */
    Usability usability(MemberStatus member, int tierRankNow, int tierRank, Money amount, String channel, Instant now) {
        if (member == MemberStatus.FROZEN) {
            return Usability.MEMBER_FROZEN;
        }
        if (status == Status.USED) {
            return Usability.ALREADY_USED;
        }
        if (status == Status.REVOKED) {
            return Usability.REVOKED;
        }
        if (now.isBefore(validFrom)) {
            return Usability.NOT_YET_VALID;
        }
        if (!now.isBefore(validUntil)) {
            return Usability.EXPIRED;
        }
        if (tierExclusive && tierRankNow < tierRank) {
            return Usability.TIER_NO_LONGER_ENTITLED;
        }
        if (!channels.isEmpty() && (channel == null || !channels.contains(channel.toUpperCase(Locale.ROOT)))) {
            return Usability.CHANNEL_NOT_ALLOWED;
        }
        if (!amount.isCurrency(minSpend.currency())) {
            return Usability.CURRENCY_NOT_ACCEPTED;
        }
        if (amount.value().compareTo(minSpend.value()) < 0) {
            return Usability.MIN_SPEND_NOT_MET;
        }
        return Usability.USABLE;
    }
}

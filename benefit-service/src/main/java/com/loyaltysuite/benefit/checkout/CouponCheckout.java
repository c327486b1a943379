package com.loyaltysuite.benefit.checkout;

import com.loyaltysuite.benefit.coupon.CouponCodes;
import com.loyaltysuite.benefit.coupon.Usability;
import com.loyaltysuite.benefit.grant.CheckBenefit;
import com.loyaltysuite.benefit.grant.CouponNotUsableException;
import com.loyaltysuite.benefit.grant.RedeemCoupon;
import com.loyaltysuite.benefit.grant.Redemption;
import com.loyaltysuite.benefit.grant.ReverseRedemption;
import com.loyaltysuite.benefit.wallet.BenefitOwner;
import com.loyaltysuite.benefit.wallet.FindBenefitOwner;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Checkout's use of coupons (核销): a code (or a benefit id) is first resolved to its owner, by the hash
 * of the code; another member's is {@code NOT_THIS_MEMBER} and nothing more is said of it. The rest is
 * the owner's {@code MemberBenefits} to decide, which is where two redemptions of one coupon meet.
 */
@Component
public class CouponCheckout {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    CouponCheckout(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    /** A benefit named by its code or its id, for a member's order. */
    public record Order(MemberId memberId, String code, String benefitId, Money amount, String channel) {}

    /** Whether the benefit can be used: {@code reason} is {@code USABLE} or why not. */
    public record Validation(String memberId, String benefitId, boolean usable, Usability reason) {}

    public Validation validate(Order order) {
        BenefitOwner owner = owner(order);
        if (owner == null) {
            return new Validation(order.memberId().value(), order.benefitId(), false, Usability.UNKNOWN_CODE);
        }
        if (!owner.memberId().equals(order.memberId().value())) {
            return new Validation(order.memberId().value(), null, false, Usability.NOT_THIS_MEMBER);
        }
        Usability usability = commands.sendAndWait(
                new CheckBenefit(order.memberId(), owner.benefitId(), order.amount(), order.channel(), clock.instant()));
        return new Validation(order.memberId().value(), owner.benefitId(), usability.usable(), usability);
    }

    public Redemption redeem(Order order, String requestId, String orderId) {
        BenefitOwner owner = owner(order);
        if (owner == null) {
            throw new CouponNotUsableException(String.valueOf(order.benefitId()), Usability.UNKNOWN_CODE);
        }
        if (!owner.memberId().equals(order.memberId().value())) {
            throw new CouponNotUsableException("with this code", Usability.NOT_THIS_MEMBER);
        }
        return commands.sendAndWait(new RedeemCoupon(
                order.memberId(), owner.benefitId(), requestId, orderId, order.amount(), order.channel(), clock.instant()));
    }

    public Redemption reverse(MemberId memberId, String requestId, String reason) {
        return commands.sendAndWait(new ReverseRedemption(memberId, requestId, reason, clock.instant()));
    }

    private BenefitOwner owner(Order order) {
        FindBenefitOwner query = order.code() != null
                ? new FindBenefitOwner(CouponCodes.hash(order.code()), null)
                : new FindBenefitOwner(null, order.benefitId());
        return queries.query(query, ResponseTypes.instanceOf(BenefitOwner.class)).join();
    }
}

package com.loyaltysuite.benefit.api;

import com.loyaltysuite.benefit.wallet.BenefitView;
import com.loyaltysuite.benefit.wallet.FindMemberBenefits;
import com.loyaltysuite.benefit.wallet.FindMemberPrice;
import com.loyaltysuite.benefit.wallet.MemberPriceView;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Benefits", description = "What a member holds and pays")
@RestController
@Validated
class BenefitsController {

    private final QueryGateway queries;

    BenefitsController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * A member's assets (会员资产): benefits and coupons usable now, or with {@code include=history} also
     * those used, expired and revoked. Every member has a (possibly empty) set, so an unknown member is an
     * empty list, not a 404.
     */
    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "A member's benefits and coupons", description = "Held benefits and usable coupons; include=history adds used, expired and withdrawn ones.")
    @GetMapping("/members/{memberId}/benefits")
    List<BenefitView> benefits(
            @PathVariable @ValidMemberId String memberId,
            @RequestParam(required = false) @Pattern(regexp = "history", message = "must be history") String include) {
        return queries.query(
                        new FindMemberBenefits(MemberId.of(memberId), include != null),
                        ResponseTypes.multipleInstancesOf(BenefitView.class))
                .join();
    }

    /** The member price (会员结算): the discount of the member's tier in force now, and what the order costs them. */
    record Pricing(String memberId, String tier, String benefitCode, BigDecimal priceFactor, Money amount, Money discount,
            Money payable, String channel) {}

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ, Scopes.CHECKOUT})
    @Operation(summary = "The member price of an order amount", description = "The member's price factor (会员价) applied to the amount, with the discount.")
    @GetMapping("/members/{memberId}/pricing")
    Pricing pricing(
            @PathVariable @ValidMemberId String memberId,
            @RequestParam @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @RequestParam(defaultValue = "CNY") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z_]{1,32}", message = "must be a channel name") String channel) {
        MemberPriceView price = queries.query(new FindMemberPrice(MemberId.of(memberId)), ResponseTypes.instanceOf(MemberPriceView.class))
                .join();
        BigDecimal factor = price == null ? BigDecimal.ONE : price.priceFactor();
        BigDecimal payable = amount.multiply(factor).setScale(2, RoundingMode.HALF_UP);
        return new Pricing(
                memberId,
                price == null ? null : price.tier(),
                price == null ? null : price.benefitCode(),
                factor,
                new Money(amount.setScale(2, RoundingMode.HALF_UP), currency),
                new Money(amount.setScale(2, RoundingMode.HALF_UP).subtract(payable), currency),
                new Money(payable, currency),
                channel);
    }
}

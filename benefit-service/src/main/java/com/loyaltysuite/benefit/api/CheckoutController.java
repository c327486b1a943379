package com.loyaltysuite.benefit.api;

import com.loyaltysuite.benefit.checkout.CouponCheckout;
import com.loyaltysuite.benefit.checkout.CouponCheckout.Order;
import com.loyaltysuite.benefit.checkout.CouponCheckout.Validation;
import com.loyaltysuite.benefit.grant.Redemption;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coupons at checkout (核销), for the checkout system: validate a coupon (by its code, or a benefit by its
 * id) for a member's order, redeem it (idempotent on the caller's {@code requestId}), and reverse a
 * redemption when the order is refunded.
 */
@Tag(name = "Checkout", description = "Coupons at checkout: validate, redeem, reverse")
@RestController
class CheckoutController {

    private final CouponCheckout checkout;

    CheckoutController(CouponCheckout checkout) {
        this.checkout = checkout;
    }

    record Amount(
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal value,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

        Money money() {
            return new Money(value, currency);
        }
    }

    record ValidationRequest(
            @ValidMemberId String memberId,
            @Size(min = 1, max = 64) String code,
            @Size(min = 1, max = 128) String benefitId,
            @NotNull @Valid Amount orderAmount,
            @Pattern(regexp = "[A-Za-z_]{1,32}") String channel) {

        @AssertTrue(message = "give either a code or a benefitId")
        boolean isCodeOrBenefitId() {
            return (code == null) != (benefitId == null);
        }

        Order order() {
            return new Order(MemberId.of(memberId), code, benefitId, orderAmount.money(), channel);
        }
    }

    record RedemptionRequest(
            @NotBlank @Size(max = 64) String requestId,
            @NotBlank @Size(max = 128) String orderId,
            @ValidMemberId String memberId,
            @Size(min = 1, max = 64) String code,
            @Size(min = 1, max = 128) String benefitId,
            @NotNull @Valid Amount orderAmount,
            @Pattern(regexp = "[A-Za-z_]{1,32}") String channel) {

        @AssertTrue(message = "give either a code or a benefitId")
        boolean isCodeOrBenefitId() {
            return (code == null) != (benefitId == null);
        }
    }

    record ReversalRequest(
            @ValidMemberId String memberId,
            @NotBlank @Size(max = 64) String requestId,
            @NotBlank @Size(max = 512) String reason) {}

    @Allowed({Scopes.CHECKOUT, Scopes.SUPPORT_READ})
    @Operation(
            summary = "Check a coupon or benefit for an order, without using it",
            description = "Give the coupon's code or the benefit's id (one of them). Answers whether it is usable"
                    + " on this order and, if not, why; changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "by code",
                            value = "{\"memberId\": \"M-10001\", \"code\": \"SV20-7K3Q-9XPA\","
                                    + " \"orderAmount\": {\"value\": \"128.00\", \"currency\": \"CNY\"},"
                                    + " \"channel\": \"APP\"}"))))
    @ApiResponse(responseCode = "404", description = "No such coupon or benefit for the member")
    @PostMapping("/benefits/validations")
    Validation validate(@Valid @RequestBody ValidationRequest request) {
        return checkout.validate(request.order());
    }

    /** 200 with the redemption; the same request again answers the same; 409 {@code coupon-not-usable} naming the reason. */
    @Allowed({Scopes.CHECKOUT})
    @Operation(
            summary = "Redeem (核销) a coupon on an order",
            description = "Idempotent on requestId: the same request again answers the same redemption.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "redeem",
                            value = "{\"requestId\": \"chk-20261123-0002\", \"orderId\": \"O-1002\","
                                    + " \"memberId\": \"M-10001\", \"code\": \"SV20-7K3Q-9XPA\","
                                    + " \"orderAmount\": {\"value\": \"128.00\", \"currency\": \"CNY\"},"
                                    + " \"channel\": \"APP\"}"))))
    @ApiResponse(responseCode = "200", description = "Redeemed (or redeemed before by this request)")
    @ApiResponse(responseCode = "404", description = "No such coupon or benefit for the member")
    @ApiResponse(responseCode = "409", description = "coupon-not-usable, naming the reason (used, expired, minimum spend, channel, tier)")
    @PostMapping("/benefits/redemptions")
    Redemption redeem(@Valid @RequestBody RedemptionRequest request) {
        Order order = new Order(MemberId.of(request.memberId()), request.code(), request.benefitId(),
                request.orderAmount().money(), request.channel());
        return checkout.redeem(order, request.requestId(), request.orderId());
    }

    @Allowed({Scopes.CHECKOUT, Scopes.SUPPORT_WRITE})
    @Operation(
            summary = "Reverse a redemption (the order was refunded)",
            description = "The coupon is usable again if still valid. Reversing twice answers the same.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "refund",
                            value = "{\"memberId\": \"M-10001\", \"requestId\": \"chk-20261123-0002\","
                                    + " \"reason\": \"Order O-1002 refunded\"}"))))
    @ApiResponse(responseCode = "200", description = "Reversed")
    @ApiResponse(responseCode = "404", description = "No redemption with this requestId for the member")
    @PostMapping("/benefits/redemptions/reversals")
    Redemption reverse(@Valid @RequestBody ReversalRequest request) {
        return checkout.reverse(MemberId.of(request.memberId()), request.requestId(), request.reason());
    }
}

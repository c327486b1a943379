package com.loyaltysuite.benefit.api;

import com.loyaltysuite.benefit.grant.ExchangeCommands.DescribeExchange;
import com.loyaltysuite.benefit.grant.ExchangeCommands.StartExchange;
import com.loyaltysuite.benefit.grant.ExchangeView;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Points exchange (积分兑换): a member buys a catalogue item (a coupon) with points. The answer is 202: the
 * exchange goes on in the background (reserve the points, issue the coupon, confirm), and its state is
 * read back by id. The caller's {@code requestId} names the exchange, so a retried request answers the same.
 */
@Tag(name = "Exchange", description = "Points exchanged for catalogue items")
@RestController
@Validated
class ExchangeController {

    private final CommandGateway commands;
    private final Clock clock;

    ExchangeController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record ExchangeRequest(@NotBlank @Size(max = 64) String requestId, @NotBlank @Size(max = 64) String item) {}

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_WRITE})
    @Operation(
            summary = "Exchange points for a catalogue item (积分兑换)",
            description = "Answers 202: the exchange goes on in the background (reserve points, issue the coupon,"
                    + " confirm); read its state back by id. The same requestId answers the same exchange.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "exchange",
                            value = "{\"requestId\": \"app-ex-0001\", \"item\": \"EXCHANGE_20\"}"))))
    @ApiResponse(responseCode = "202", description = "Accepted; follow the Location header")
    @ApiResponse(responseCode = "409", description = "The requestId was used for another exchange")
    @PostMapping("/members/{memberId}/benefits/exchanges")
    ResponseEntity<ExchangeView> start(@PathVariable @ValidMemberId String memberId, @Valid @RequestBody ExchangeRequest request) {
        ExchangeView exchange = commands.sendAndWait(
                new StartExchange(MemberId.of(memberId), Programs.DEFAULT, request.requestId(), request.item(), clock.instant()));
        return ResponseEntity.accepted()
                .location(URI.create("/members/" + memberId + "/benefits/exchanges/" + exchange.exchangeId()))
                .body(exchange);
    }

    @Allowed({Scopes.MEMBER, Scopes.SUPPORT_READ})
    @Operation(summary = "The state of a points exchange", description = "Pending, completed (with the coupon) or failed (with the reason).")
    @GetMapping("/members/{memberId}/benefits/exchanges/{exchangeId}")
    ExchangeView exchange(
            @PathVariable @ValidMemberId String memberId,
            @PathVariable @Pattern(regexp = "[0-9a-f-]{36}", message = "must be an exchange id") String exchangeId) {
        return commands.sendAndWait(new DescribeExchange(MemberId.of(memberId), exchangeId));
    }
}

package com.loyaltysuite.points.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.adjustment.AdjustPoints;
import com.loyaltysuite.points.adjustment.AdjustmentView;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support staff add or remove points, always with a reason; the operator is the token's subject, never
 * a field of the body. Both are kept on
 * the ledger and in the account's history. {@code requestId} makes a retried request harmless.
 */
@Tag(name = "Adjustments", description = "Support staff adding or removing points")
@RestController
class AdjustmentController {

    private final CommandGateway commands;
    private final Clock clock;

    AdjustmentController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record AdjustRequest(
            @NotBlank @Size(max = 64) String requestId,
            long points,
            @NotBlank @Size(max = 512) String reason) {

        @AssertTrue(message = "points must not be zero")
        boolean isNonZero() {
            return points != 0;
        }
    }

    @Allowed({Scopes.SUPPORT_WRITE})
    @Operation(
            summary = "Add or remove points by hand, with a reason",
            description = "The operator is the token's subject. A negative number removes points. Sending the"
                    + " same requestId again answers the same adjustment.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "goodwill",
                            value = "{\"requestId\": \"adj-0001\", \"points\": 200,"
                                    + " \"reason\": \"Goodwill: parcel arrived late\"}"))))
    @ApiResponse(responseCode = "201", description = "Adjusted")
    @ApiResponse(responseCode = "409", description = "The requestId was used for a different adjustment, or the membership is not active")
    @PostMapping("/members/{memberId}/points/adjustments")
    ResponseEntity<AdjustmentView> adjust(
            @PathVariable @ValidMemberId String memberId, @Valid @RequestBody AdjustRequest request, Principal operator) {
        AdjustmentView view = commands.sendAndWait(new AdjustPoints(
                MemberId.of(memberId),
                request.requestId(),
                request.points(),
                request.reason(),
                operator.getName(),
                clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }
}

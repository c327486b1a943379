package com.loyaltysuite.points.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.adjustment.AdjustPoints;
import com.loyaltysuite.points.adjustment.AdjustmentView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support staff add or remove points, always with a reason and their operator id; both are kept on
 * the ledger and in the account's history. {@code requestId} makes a retried request harmless.
 */
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
            @NotBlank @Size(max = 512) String reason,
            @NotBlank @Size(max = 128) String operatorId) {

        @AssertTrue(message = "points must not be zero")
        boolean isNonZero() {
            return points != 0;
        }
    }

    @PostMapping("/members/{memberId}/points/adjustments")
    ResponseEntity<AdjustmentView> adjust(@PathVariable String memberId, @Valid @RequestBody AdjustRequest request) {
        AdjustmentView view = commands.sendAndWait(new AdjustPoints(
                MemberId.of(memberId),
                request.requestId(),
                request.points(),
                request.reason(),
                request.operatorId(),
                clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }
}

package com.loyaltysuite.points.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.redemption.CancelReservation;
import com.loyaltysuite.points.redemption.ConfirmReservation;
import com.loyaltysuite.points.redemption.ReservationView;
import com.loyaltysuite.points.redemption.ReservePoints;
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
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkout redemption (积分兑换): reserve points for an order, then confirm or cancel. A reservation
 * left alone expires. The caller's {@code requestId} names the reservation, so a retried request
 * answers the same reservation.
 */
@Tag(name = "Redemption", description = "Reserving, confirming and cancelling points at checkout")
@RestController
class RedemptionController {

    private final CommandGateway commands;
    private final Clock clock;

    RedemptionController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record ReserveRequest(
            @NotBlank @Size(max = 64) String requestId,
            @NotBlank @Size(max = 128) String orderId,
            @Positive long points) {}

    @Allowed({Scopes.CHECKOUT, Scopes.SUPPORT_WRITE})
    @Operation(
            summary = "Reserve points for an order (积分兑换, step 1)",
            description = "Holds points for the order until confirmed, cancelled or expired. Sending the same"
                    + " requestId again answers the same reservation.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = @ExampleObject(
                            name = "reserve",
                            value = "{\"requestId\": \"chk-20261123-0001\", \"orderId\": \"O-1001\", \"points\": 500}"))))
    @ApiResponse(responseCode = "201", description = "Reserved")
    @ApiResponse(responseCode = "409", description = "Not enough available points, or the requestId was used for another reservation")
    @PostMapping("/members/{memberId}/points/reservations")
    ResponseEntity<ReservationView> reserve(@PathVariable @ValidMemberId String memberId, @Valid @RequestBody ReserveRequest request) {
        ReservationView view = commands.sendAndWait(new ReservePoints(
                MemberId.of(memberId), request.requestId(), request.orderId(), request.points(), clock.instant()));
        return ResponseEntity.created(
                        URI.create("/members/" + memberId + "/points/reservations/" + view.reservationId()))
                .body(view);
    }

    @Allowed({Scopes.CHECKOUT, Scopes.SUPPORT_WRITE})
    @Operation(summary = "Confirm a reservation: its points are spent", description = "Confirming twice answers the same.")
    @ApiResponse(responseCode = "200", description = "Confirmed")
    @ApiResponse(responseCode = "409", description = "The reservation was cancelled or expired")
    @PostMapping("/members/{memberId}/points/reservations/{reservationId}/confirm")
    ReservationView confirm(@PathVariable @ValidMemberId String memberId, @PathVariable String reservationId) {
        return commands.sendAndWait(new ConfirmReservation(MemberId.of(memberId), reservationId, clock.instant()));
    }

    @Allowed({Scopes.CHECKOUT, Scopes.SUPPORT_WRITE})
    @Operation(summary = "Cancel a reservation: its points are available again", description = "Cancelling twice answers the same.")
    @ApiResponse(responseCode = "200", description = "Cancelled")
    @ApiResponse(responseCode = "409", description = "The reservation was confirmed already")
    @PostMapping("/members/{memberId}/points/reservations/{reservationId}/cancel")
    ReservationView cancel(@PathVariable @ValidMemberId String memberId, @PathVariable String reservationId) {
        return commands.sendAndWait(new CancelReservation(MemberId.of(memberId), reservationId, clock.instant()));
    }
}

package com.loyaltysuite.points.api;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.redemption.CancelReservation;
import com.loyaltysuite.points.redemption.ConfirmReservation;
import com.loyaltysuite.points.redemption.ReservationView;
import com.loyaltysuite.points.redemption.ReservePoints;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import com.loyaltysuite.support.web.ValidMemberId;
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
    @PostMapping("/members/{memberId}/points/reservations")
    ResponseEntity<ReservationView> reserve(@PathVariable @ValidMemberId String memberId, @Valid @RequestBody ReserveRequest request) {
        ReservationView view = commands.sendAndWait(new ReservePoints(
                MemberId.of(memberId), request.requestId(), request.orderId(), request.points(), clock.instant()));
        return ResponseEntity.created(
                        URI.create("/members/" + memberId + "/points/reservations/" + view.reservationId()))
                .body(view);
    }

    @Allowed({Scopes.CHECKOUT, Scopes.SUPPORT_WRITE})
    @PostMapping("/members/{memberId}/points/reservations/{reservationId}/confirm")
    ReservationView confirm(@PathVariable @ValidMemberId String memberId, @PathVariable String reservationId) {
        return commands.sendAndWait(new ConfirmReservation(MemberId.of(memberId), reservationId, clock.instant()));
    }

    @Allowed({Scopes.CHECKOUT, Scopes.SUPPORT_WRITE})
    @PostMapping("/members/{memberId}/points/reservations/{reservationId}/cancel")
    ReservationView cancel(@PathVariable @ValidMemberId String memberId, @PathVariable String reservationId) {
        return commands.sendAndWait(new CancelReservation(MemberId.of(memberId), reservationId, clock.instant()));
    }
}

package com.loyaltysuite.points.timers;

import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.earning.MakePointsAvailable;
import com.loyaltysuite.points.expiry.ExpireDuePoints;
import com.loyaltysuite.points.expiry.WarnOfExpiringPoints;
import com.loyaltysuite.points.redemption.ExpireReservation;
import com.loyaltysuite.support.timers.DueTimerRoutes;
import com.loyaltysuite.support.timers.TimerKind;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The account's due dates (DESIGN guarantee 6) and what each does when it comes: a command to the
 * member's account with the due date as its business time. The account decides whether the date
 * still matters, so a timer firing twice is harmless. {@link PointsTimerScheduler} sets them. Kind
 * names are stored with every timer: they never change.
 */
@Configuration(proxyBeanMethods = false)
class PointsTimers {

    /** The end of an order's pending period: its points become available. */
    static final TimerKind<OrderDue> AVAILABLE = TimerKind.of("points-available", OrderDue.class);

    /** Some time before lots expire: the member is warned of the points still in them. */
    static final TimerKind<ExpiryDue> EXPIRING = TimerKind.of("points-expiring", ExpiryDue.class);

    /** An expiry instant: unspent points of the lots that expire then are gone. */
    static final TimerKind<ExpiryDue> EXPIRY = TimerKind.of("points-expiry", ExpiryDue.class);

    /** A reservation's time limit: if it is still open, its points go back. */
    static final TimerKind<ReservationDue> RESERVATION = TimerKind.of("points-reservation", ReservationDue.class);

    /** @param orderId the order whose pending period ends */
    record OrderDue(OrderId orderId) {}

    /** @param expiresAt the expiry instant of the lots, exact (the database keeps due dates to the microsecond) */
    record ExpiryDue(Instant expiresAt) {}

    /** @param reservationId the reservation whose time is up */
    record ReservationDue(String reservationId) {}

    @Bean
    DueTimerRoutes pointsTimerRoutes(CommandGateway commands) {
        return DueTimerRoutes.builder()
                .on(AVAILABLE, (member, dueAt, due) -> commands.sendAndWait(new MakePointsAvailable(member, due.orderId(), dueAt)))
                .on(EXPIRING, (member, dueAt, due) ->
                        commands.sendAndWait(new WarnOfExpiringPoints(member, due.expiresAt(), dueAt)))
                .on(EXPIRY, (member, dueAt, due) -> commands.sendAndWait(new ExpireDuePoints(member, due.expiresAt())))
                .on(RESERVATION, (member, dueAt, due) ->
                        commands.sendAndWait(new ExpireReservation(member, due.reservationId(), dueAt)))
                .build();
    }
}

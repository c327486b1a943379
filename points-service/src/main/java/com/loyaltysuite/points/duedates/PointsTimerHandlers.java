package com.loyaltysuite.points.duedates;

import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.earning.MakePointsAvailable;
import com.loyaltysuite.points.expiry.ExpireDuePoints;
import com.loyaltysuite.points.expiry.WarnOfExpiringPoints;
import com.loyaltysuite.points.redemption.ExpireReservation;
import com.loyaltysuite.support.timers.DueTimer;
import com.loyaltysuite.support.timers.DueTimerHandler;
import java.time.Instant;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each due date does: a command to the member's account, with the due date as its business
 * time. The account decides whether the date still matters, so a timer firing twice is harmless.
 */
@Configuration(proxyBeanMethods = false)
class PointsTimerHandlers {

    @Bean
    DueTimerHandler pointsAvailableTimer(CommandGateway commands) {
        return handler(PointsDueDates.AVAILABLE, commands, t -> new MakePointsAvailable(t.memberId(), OrderId.of(t.payload()), t.dueAt()));
    }

    @Bean
    DueTimerHandler pointsExpiringTimer(CommandGateway commands) {
        return handler(PointsDueDates.EXPIRING, commands, t -> new WarnOfExpiringPoints(t.memberId(), Instant.parse(t.payload()), t.dueAt()));
    }

    @Bean
    DueTimerHandler pointsExpiryTimer(CommandGateway commands) {
        return handler(PointsDueDates.EXPIRY, commands, t -> new ExpireDuePoints(t.memberId(), t.dueAt()));
    }

    @Bean
    DueTimerHandler reservationTimer(CommandGateway commands) {
        return handler(PointsDueDates.RESERVATION, commands, t -> new ExpireReservation(t.memberId(), t.payload(), t.dueAt()));
    }

    private static DueTimerHandler handler(String kind, CommandGateway commands, Function<DueTimer, Object> command) {
        return new DueTimerHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void fire(DueTimer timer) {
                commands.sendAndWait(command.apply(timer));
            }
        };
    }
}

package com.loyaltysuite.benefit.timers;

import com.loyaltysuite.benefit.exchange.ExchangeStep;
import com.loyaltysuite.benefit.exchange.ExchangeSteps;
import com.loyaltysuite.benefit.grant.GiveBirthdayGift;
import com.loyaltysuite.support.timers.DueTimerRoutes;
import com.loyaltysuite.support.timers.TimerKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The member's due dates (DESIGN guarantee 6) and what each does when it comes: the birthday gift of a
 * year, given by the member's benefits, which ignore a year already given (a timer fired again) or a date
 * the birthday moved from; and the steps of points exchanges. {@link BenefitTimerScheduler} sets them. Kind names are stored with every
 * timer: they never change.
 */
@Configuration(proxyBeanMethods = false)
class BenefitTimers {

    /** The start of the birthday month (or the birthday) of {@code year}: that year's birthday gift. */
    static final TimerKind<BirthdayDue> BIRTHDAY = TimerKind.of("birthday-gift", BirthdayDue.class);

    /** @param year whose birthday gift it is */
    record BirthdayDue(int year) {}

    /** The next step of a points exchange (积分兑换), due at once; retried with back-off while it fails. */
    static final TimerKind<ExchangeStep> EXCHANGE = TimerKind.of("points-exchange", ExchangeStep.class);

    @Bean
    DueTimerRoutes benefitTimerRoutes(CommandGateway commands, ExchangeSteps exchanges) {
        return DueTimerRoutes.builder()
                .on(BIRTHDAY, (member, dueAt, due) -> commands.sendAndWait(new GiveBirthdayGift(member, due.year(), dueAt)))
                .on(EXCHANGE, (member, dueAt, step) -> exchanges.run(member, dueAt, step))
                .build();
    }
}

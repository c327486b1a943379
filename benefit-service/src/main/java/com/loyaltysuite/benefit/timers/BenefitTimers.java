package com.loyaltysuite.benefit.timers;

import com.loyaltysuite.benefit.grant.GiveBirthdayGift;
import com.loyaltysuite.support.timers.DueTimerRoutes;
import com.loyaltysuite.support.timers.TimerKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The member's due dates (DESIGN guarantee 6) and what each does when it comes: the birthday gift of a
 * year, given by the member's benefits, which ignore a year already given (a timer fired again) or a date
 * the birthday moved from. {@link BirthdayTimerScheduler} sets them. Kind names are stored with every
 * timer: they never change.
 */
@Configuration(proxyBeanMethods = false)
class BenefitTimers {

    /** The start of the birthday month (or the birthday) of {@code year}: that year's birthday gift. */
    static final TimerKind<BirthdayDue> BIRTHDAY = TimerKind.of("birthday-gift", BirthdayDue.class);

    /** @param year whose birthday gift it is */
    record BirthdayDue(int year) {}

    @Bean
    DueTimerRoutes benefitTimerRoutes(CommandGateway commands) {
        return DueTimerRoutes.builder()
                .on(BIRTHDAY, (member, dueAt, due) -> commands.sendAndWait(new GiveBirthdayGift(member, due.year(), dueAt)))
                .build();
    }
}

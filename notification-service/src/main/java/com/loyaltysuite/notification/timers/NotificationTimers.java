package com.loyaltysuite.notification.timers;

import com.loyaltysuite.notification.delivery.BirthdayGreeting;
import com.loyaltysuite.notification.delivery.ContactWaitExpiry;
import com.loyaltysuite.support.timers.DueTimerRoutes;
import com.loyaltysuite.support.timers.TimerKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable timers notification-service sets, and what each does when it comes due. Scheduled by
 * {@link ContactWaitTimers} and {@link BirthdayTimers}.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTimers {

    /**
     * Ends a delivery's wait for the member's contact details, one per waiting delivery (id = the
     * delivery's notification id). The name is stored with each timer and stays.
     */
    static final TimerKind<ContactWaitDue> CONTACT_WAIT_EXPIRY =
            TimerKind.of("contact-wait-expiry", ContactWaitDue.class);

    /** Which delivery waits. Stored as JSON ({@code V3} converted the former plain ids). */
    record ContactWaitDue(String notificationId) {}

    /** A member's next birthday greeting, one per member (id {@code next}). The name is stored and stays. */
    static final TimerKind<BirthdayDue> BIRTHDAY_GREETING = TimerKind.of("birthday-greeting", BirthdayDue.class);

    /**
     * The zone the due date was reckoned in, for whoever reads the timer table; the birthday and zone
     * in force are read from the contact when it comes due.
     */
    record BirthdayDue(String timeZone) {}

    @Bean
    DueTimerRoutes notificationTimerRoutes(ContactWaitExpiry expiry, ObjectProvider<BirthdayGreeting> birthdays) {
        // The greeting sets timers through the Notifier's collaborators, which need DueTimers, which needs
        // these routes: it is looked up when a greeting comes due, not when the routes are built.
        return DueTimerRoutes.builder()
                .on(CONTACT_WAIT_EXPIRY, (member, dueAt, due) -> expiry.expire(member, due.notificationId()))
                .on(BIRTHDAY_GREETING, (member, dueAt, due) -> birthdays.getObject().greet(member))
                .build();
    }
}

package com.loyaltysuite.notification.timers;

import static com.loyaltysuite.notification.timers.NotificationTimers.CONTACT_WAIT_EXPIRY;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.notification.delivery.ContactWaitTimer;
import com.loyaltysuite.notification.timers.NotificationTimers.ContactWaitDue;
import com.loyaltysuite.support.timers.DueTimers;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Sets and clears the contact-wait timers as deliveries are parked and decided, in their transaction. */
@Component
class ContactWaitTimers implements ContactWaitTimer {

    private final DueTimers timers;

    ContactWaitTimers(DueTimers timers) {
        this.timers = timers;
    }

    @Override
    public void start(MemberId member, String notificationId, Instant endsAt) {
        timers.schedule(CONTACT_WAIT_EXPIRY, member, notificationId, endsAt, new ContactWaitDue(notificationId));
    }

    @Override
    public void stop(MemberId member, String notificationId) {
        timers.cancel(CONTACT_WAIT_EXPIRY, member, notificationId);
    }
}

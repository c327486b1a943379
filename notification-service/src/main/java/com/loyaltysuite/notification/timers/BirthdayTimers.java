package com.loyaltysuite.notification.timers;

import static com.loyaltysuite.notification.timers.NotificationTimers.BIRTHDAY_GREETING;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.notification.delivery.BirthdayTimer;
import com.loyaltysuite.notification.timers.NotificationTimers.BirthdayDue;
import com.loyaltysuite.support.timers.DueTimers;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Sets and clears each member's birthday-greeting timer, in the transaction that decides it. */
@Component
class BirthdayTimers implements BirthdayTimer {

    /** One greeting timer per member: setting it again replaces it. */
    private static final String ID = "next";

    private final DueTimers timers;

    BirthdayTimers(DueTimers timers) {
        this.timers = timers;
    }

    @Override
    public void set(MemberId member, Instant dueAt, ZoneId zone) {
        timers.schedule(BIRTHDAY_GREETING, member, ID, dueAt, new BirthdayDue(zone.getId()));
    }

    @Override
    public void clear(MemberId member) {
        timers.cancel(BIRTHDAY_GREETING, member, ID);
    }
}

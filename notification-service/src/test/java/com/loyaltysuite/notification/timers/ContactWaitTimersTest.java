package com.loyaltysuite.notification.timers;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.notification.timers.NotificationTimers.ContactWaitDue;
import com.loyaltysuite.support.timers.DueTimers;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A delivery's wait is one typed timer per delivery, set and cleared by its notification id. */
class ContactWaitTimersTest {

    static final MemberId MEMBER = MemberId.of("M-1");

    final DueTimers timers = mock(DueTimers.class);
    final ContactWaitTimers waits = new ContactWaitTimers(timers);

    @Test
    void startingAWaitSchedulesItsExpiryWithTheDeliverysId() {
        Instant endsAt = Instant.parse("2026-11-30T10:00:05Z");

        waits.start(MEMBER, "N-1", endsAt);

        verify(timers).schedule(NotificationTimers.CONTACT_WAIT_EXPIRY, MEMBER, "N-1", endsAt, new ContactWaitDue("N-1"));
    }

    @Test
    void stoppingAWaitCancelsThatDeliverysExpiry() {
        waits.stop(MEMBER, "N-1");

        verify(timers).cancel(NotificationTimers.CONTACT_WAIT_EXPIRY, MEMBER, "N-1");
    }
}

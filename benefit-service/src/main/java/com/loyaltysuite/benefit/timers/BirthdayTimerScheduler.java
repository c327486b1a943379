package com.loyaltysuite.benefit.timers;

import com.loyaltysuite.benefit.grant.BirthdayGiftGiven;
import com.loyaltysuite.benefit.grant.BirthdayNoted;
import com.loyaltysuite.support.timers.DueTimers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Sets each member's birthday timer in the transaction of the decision that calls for it (the processing
 * group is subscribing): when a birthday is noted, for the next year whose gift is to come; when a year's
 * gift is given or passed over, for the year after, unless the membership closed. A timer's id is its
 * year, so a birthday that moves re-sets that year's timer.
 */
@Component
@ProcessingGroup(BirthdayTimerScheduler.PROCESSING_GROUP)
class BirthdayTimerScheduler {

    static final String PROCESSING_GROUP = "benefit-timers";

    private final DueTimers timers;

    BirthdayTimerScheduler(DueTimers timers) {
        this.timers = timers;
    }

    @EventHandler
    void on(BirthdayNoted event) {
        timers.schedule(BenefitTimers.BIRTHDAY, event.memberId(), String.valueOf(event.nextGiftYear()), event.nextGiftAt(),
                new BenefitTimers.BirthdayDue(event.nextGiftYear()));
    }

    @EventHandler
    void on(BirthdayGiftGiven event) {
        if (event.nextGiftAt() == null) {
            return; // the membership closed: no more birthdays
        }
        int next = event.year() + 1;
        timers.schedule(BenefitTimers.BIRTHDAY, event.memberId(), String.valueOf(next), event.nextGiftAt(),
                new BenefitTimers.BirthdayDue(next));
    }
}

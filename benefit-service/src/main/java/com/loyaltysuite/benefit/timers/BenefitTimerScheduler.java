package com.loyaltysuite.benefit.timers;

import com.loyaltysuite.benefit.exchange.ExchangeStep;
import com.loyaltysuite.benefit.grant.BirthdayGiftGiven;
import com.loyaltysuite.benefit.grant.BirthdayNoted;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangeCouponGiven;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangeIssueRefused;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangePointsReserved;
import com.loyaltysuite.benefit.grant.ExchangeEvents.ExchangeStarted;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.timers.DueTimers;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Sets each member's birthday timer in the transaction of the decision that calls for it (the processing
 * group is subscribing): when a birthday is noted, for the next year whose gift is to come; when a year's
 * gift is given or passed over, for the year after, unless the membership closed. A timer's id is its
 * year, so a birthday that moves re-sets that year's timer. Also each step of a points exchange, set when
 * the step before it is recorded.
 */
@Component
@ProcessingGroup(BenefitTimerScheduler.PROCESSING_GROUP)
class BenefitTimerScheduler {

    static final String PROCESSING_GROUP = "benefit-timers";

    private final DueTimers timers;

    BenefitTimerScheduler(DueTimers timers) {
        this.timers = timers;
    }

    @EventHandler
    void on(BirthdayNoted event) {
        timers.schedule(BenefitTimers.BIRTHDAY, event.memberId(), String.valueOf(event.nextGiftYear()), event.nextGiftAt(),
                new BenefitTimers.BirthdayDue(event.nextGiftYear()));
    }

    @EventHandler
    void on(ExchangeStarted event) {
        step(event.memberId(), event.startedAt(), new ExchangeStep(event.exchangeId(), ExchangeStep.RESERVE, event.points(), null));
    }

    @EventHandler
    void on(ExchangePointsReserved event) {
        step(event.memberId(), event.at(), new ExchangeStep(event.exchangeId(), ExchangeStep.ISSUE, event.points(), event.reservationId()));
    }

    @EventHandler
    void on(ExchangeCouponGiven event) {
        step(event.memberId(), event.at(), new ExchangeStep(event.exchangeId(), ExchangeStep.CONFIRM, 0, event.reservationId()));
    }

    @EventHandler
    void on(ExchangeIssueRefused event) {
        step(event.memberId(), event.at(), new ExchangeStep(event.exchangeId(), ExchangeStep.CANCEL, 0, event.reservationId()));
    }

    /** One timer per step, so a step's timer fires once and the next one is its own. */
    private void step(MemberId member, Instant at, ExchangeStep step) {
        timers.schedule(BenefitTimers.EXCHANGE, member, step.exchangeId() + "-" + step.step(), at, step);
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

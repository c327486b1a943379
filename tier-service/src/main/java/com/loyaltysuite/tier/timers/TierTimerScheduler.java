package com.loyaltysuite.tier.timers;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.timers.DueTimers;
import com.loyaltysuite.tier.membertier.ManualTierAssigned;
import com.loyaltysuite.tier.membertier.ManualTierEnded;
import com.loyaltysuite.tier.membertier.TierDecided;
import com.loyaltysuite.tier.policy.DecisionKind;
import com.loyaltysuite.tier.policy.TierPolicy;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Sets each member's {@link TierTimers} in the transaction of the decision that creates them: the
 * processing group is subscribing, so a timer exists exactly when its decision was committed. A
 * timer's id is its instant, so a timer set again for a new validity is a new timer, and the old
 * one, when it fires, finds the validity moved and does nothing.
 */
@Component
@ProcessingGroup(TierTimerScheduler.PROCESSING_GROUP)
class TierTimerScheduler {

    static final String PROCESSING_GROUP = "tier-timers";

    private final DueTimers timers;
    private final Duration atRiskNotice;

    TierTimerScheduler(DueTimers timers, TierPolicy policy) {
        this.timers = timers;
        this.atRiskNotice = policy.atRiskNotice();
    }

    @EventHandler
    void on(TierDecided event) {
        MemberId member = event.memberId();
        Instant due = event.graceEndsAt() != null ? event.graceEndsAt() : event.validUntil();
        if (due == null) {
            return; // the entry tier is never lost: nothing falls due
        }
        timers.schedule(TierTimers.VALIDITY_END, member, due.toString(), due, new TierTimers.ValidityEnd(due));
        if (event.kind() != DecisionKind.GRACE_STARTED && !atRiskNotice.isZero()) {
            Instant validUntil = event.validUntil();
            timers.schedule(
                    TierTimers.AT_RISK,
                    member,
                    validUntil.toString(),
                    validUntil.minus(atRiskNotice),
                    new TierTimers.RiskNotice(validUntil));
        }
    }

    @EventHandler
    void on(ManualTierAssigned event) {
        Instant until = event.assignment().until();
        timers.schedule(
                TierTimers.MANUAL_END, event.memberId(), until.toString(), until, new TierTimers.ManualTierEnd(until));
    }

    @EventHandler
    void on(ManualTierEnded event) {
        if (event.operatorId() != null) {
            timers.cancel(TierTimers.MANUAL_END, event.memberId(), event.ended().until().toString());
        }
    }
}

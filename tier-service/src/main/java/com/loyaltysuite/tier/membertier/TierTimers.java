package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.timers.DueTimer;
import com.loyaltysuite.support.timers.DueTimerHandler;
import com.loyaltysuite.support.timers.DueTimers;
import com.loyaltysuite.tier.policy.DecisionKind;
import com.loyaltysuite.tier.policy.TierPolicy;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Sets each member's due dates (DESIGN guarantee 6) in the transaction of the decision that
 * creates them: the processing group is subscribing, so a timer exists exactly when its decision
 * was committed. Keys name the instant, so a timer set again for a new validity is a new timer and
 * the old one, when it fires, finds the validity moved and does nothing. The exact instant travels
 * in the payload, as the database keeps only microseconds.
 */
@Component
@ProcessingGroup(TierTimers.PROCESSING_GROUP)
class TierTimers {

    static final String PROCESSING_GROUP = "tier-timers";
    static final String REEVALUATION = "tier-reevaluation";
    static final String AT_RISK = "tier-at-risk";
    static final String MANUAL_END = "manual-tier-end";

    private final DueTimers timers;
    private final TierPolicy policy;

    TierTimers(DueTimers timers, TierPolicy policy) {
        this.timers = timers;
        this.policy = policy;
    }

    @EventHandler
    void on(TierDecided event) {
        MemberId member = event.memberId();
        Instant due = event.graceEndsAt() != null ? event.graceEndsAt() : event.validUntil();
        if (due == null) {
            return; // the entry tier is never lost: nothing falls due
        }
        timers.schedule(REEVALUATION, key(REEVALUATION, member, due), member, due, due.toString());
        if (event.kind() != DecisionKind.GRACE_STARTED && !policy.atRiskNotice().isZero()) {
            Instant validUntil = event.validUntil();
            timers.schedule(
                    AT_RISK,
                    key(AT_RISK, member, validUntil),
                    member,
                    validUntil.minus(policy.atRiskNotice()),
                    validUntil.toString());
        }
    }

    @EventHandler
    void on(ManualTierAssigned event) {
        Instant until = event.assignment().until();
        timers.schedule(MANUAL_END, key(MANUAL_END, event.memberId(), until), event.memberId(), until, until.toString());
    }

    @EventHandler
    void on(ManualTierEnded event) {
        if (event.operatorId() != null) {
            timers.cancel(key(MANUAL_END, event.memberId(), event.ended().until()));
        }
    }

    static String key(String kind, MemberId member, Instant at) {
        return kind + ":" + member.value() + ":" + at;
    }

    /** Validity (or grace) ended: re-evaluate. */
    @Component
    static class ReevaluationDue implements DueTimerHandler {

        private final CommandGateway commands;

        ReevaluationDue(CommandGateway commands) {
            this.commands = commands;
        }

        @Override
        public String kind() {
            return REEVALUATION;
        }

        @Override
        public void fire(DueTimer timer) {
            commands.sendAndWait(new DecideTier(timer.memberId(), Instant.parse(timer.payload())));
        }
    }

    /** Validity ends soon: warn a member who is short of retention. */
    @Component
    static class AtRiskDue implements DueTimerHandler {

        private final CommandGateway commands;

        AtRiskDue(CommandGateway commands) {
            this.commands = commands;
        }

        @Override
        public String kind() {
            return AT_RISK;
        }

        @Override
        public void fire(DueTimer timer) {
            commands.sendAndWait(new AssessTierAtRisk(timer.memberId(), Instant.parse(timer.payload()), timer.dueAt()));
        }
    }

    /** A manual tier reached its end date. */
    @Component
    static class ManualTierEndDue implements DueTimerHandler {

        private final CommandGateway commands;

        ManualTierEndDue(CommandGateway commands) {
            this.commands = commands;
        }

        @Override
        public String kind() {
            return MANUAL_END;
        }

        @Override
        public void fire(DueTimer timer) {
            Instant until = Instant.parse(timer.payload());
            commands.sendAndWait(new EndManualTier(timer.memberId(), null, until, until));
        }
    }
}

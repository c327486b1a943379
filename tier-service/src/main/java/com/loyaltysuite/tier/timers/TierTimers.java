package com.loyaltysuite.tier.timers;

import com.loyaltysuite.support.timers.DueTimerRoutes;
import com.loyaltysuite.support.timers.TimerKind;
import com.loyaltysuite.tier.membertier.AssessTierAtRisk;
import com.loyaltysuite.tier.membertier.DecideTier;
import com.loyaltysuite.tier.membertier.EndManualTier;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The member's due dates (DESIGN guarantee 6) and what each does when it comes: a command to the
 * member's tier, which ignores a date that no longer matters (validity renewed, manual tier
 * replaced). {@link TierTimerScheduler} sets them. A payload carries the exact instant the timer
 * stands for, as the database keeps due dates to the microsecond only. Kind names are stored with
 * every timer: they never change.
 */
@Configuration(proxyBeanMethods = false)
class TierTimers {

    /** The end of validity, or of a grace period: the earned tier is kept, held in grace or lost. */
    static final TimerKind<ValidityEnd> VALIDITY_END = TimerKind.of("tier-reevaluation", ValidityEnd.class);

    /** Some time before validity ends: a member short of retention is warned. */
    static final TimerKind<RiskNotice> AT_RISK = TimerKind.of("tier-at-risk", RiskNotice.class);

    /** The end date of a manual tier. */
    static final TimerKind<ManualTierEnd> MANUAL_END = TimerKind.of("manual-tier-end", ManualTierEnd.class);

    /** @param at the end of validity (or grace) the timer was set for */
    record ValidityEnd(Instant at) {}

    /** @param validUntil the end of the validity the member is warned about */
    record RiskNotice(Instant validUntil) {}

    /** @param until the end date of the manual tier the timer was set for */
    record ManualTierEnd(Instant until) {}

    @Bean
    DueTimerRoutes tierTimerRoutes(CommandGateway commands) {
        return DueTimerRoutes.builder()
                .on(VALIDITY_END, (member, dueAt, end) -> commands.sendAndWait(new DecideTier(member, end.at())))
                .on(AT_RISK, (member, dueAt, notice) ->
                        commands.sendAndWait(new AssessTierAtRisk(member, notice.validUntil(), dueAt)))
                .on(MANUAL_END, (member, dueAt, end) ->
                        commands.sendAndWait(new EndManualTier(member, null, end.until(), end.until())))
                .build();
    }
}

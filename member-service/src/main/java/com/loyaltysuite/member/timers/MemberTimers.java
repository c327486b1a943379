package com.loyaltysuite.member.timers;

import com.loyaltysuite.member.segments.ReassessSegment;
import com.loyaltysuite.support.timers.DueTimerRoutes;
import com.loyaltysuite.support.timers.TimerKind;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The member's due dates (DESIGN guarantee 6) and what each does when it comes. {@link
 * MemberTimerScheduler} sets them. Kind names are stored with every timer: they never change.
 */
@Configuration(proxyBeanMethods = false)
class MemberTimers {

    /**
     * The next instant at which time alone changes the member's RFM scores or stage (recency crossing
     * its threshold, an order leaving the window): the segment is assessed again. One per member, set
     * again at every assessment.
     */
    static final TimerKind<Reassessment> SEGMENT_REASSESSMENT = TimerKind.of("segment-reassessment", Reassessment.class);

    /** @param at the exact instant of the assessment (the database keeps due dates to the microsecond) */
    record Reassessment(Instant at) {}

    @Bean
    DueTimerRoutes memberTimerRoutes(CommandGateway commands) {
        return DueTimerRoutes.builder()
                .on(SEGMENT_REASSESSMENT, (member, dueAt, due) -> commands.sendAndWait(new ReassessSegment(member, due.at())))
                .build();
    }
}

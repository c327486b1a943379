package com.loyaltysuite.member.messaging;

import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.member.anomalies.AnomalyRecorded;
import com.loyaltysuite.member.profile.ConsentChangeRecorded;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.member.segments.SegmentMoved;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of a member's history other services see: profile and consents on {@code loyalty.members.v1},
 * segment moves on {@code loyalty.member-segments.v1}, detected anomalies on {@code loyalty.anomalies.v1}
 * (the relay picks the topic by contract type).
 */
@Configuration(proxyBeanMethods = false)
class MemberEventMapper {

    @Bean
    IntegrationEventMappings memberEvents() {
        return IntegrationEventMappings.builder()
                .map(RegistrationRecorded.class, e -> new MemberRegistered(
                        e.memberId(),
                        e.programId(),
                        e.name(),
                        e.mobile(),
                        e.email(),
                        e.birthday(),
                        e.consents(),
                        e.registeredAt()))
                .map(ConsentChangeRecorded.class, e -> new ConsentChanged(
                        e.memberId(), e.programId(), e.channel(), e.granted(), e.changedAt()))
                .map(SegmentMoved.class, AnalyticsContracts::memberSegmentChanged)
                .map(AnomalyRecorded.class, AnalyticsContracts::anomalyDetected)
                .build();
    }
}

package com.loyaltysuite.member.messaging;

import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.member.anomalies.AnomalyRecorded;
import com.loyaltysuite.member.profile.ConsentChangeRecorded;
import com.loyaltysuite.member.profile.ErasureRecorded;
import com.loyaltysuite.member.profile.ProfileChangeRecorded;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.member.profile.StatusChangeRecorded;
import com.loyaltysuite.member.segments.SegmentMoved;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of a member's history other services see: profile, consents, status and erasure on
 * {@code loyalty.members.v1}, segment moves on {@code loyalty.member-segments.v1}, detected anomalies on
 * {@code loyalty.anomalies.v1} (the relay picks the topic by contract type). Personal fields travel as
 * stored: sealed with the member's data key (ADR 9); a registration stored before sealing is published
 * as it was.
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
                        e.registeredAt(),
                        e.personalData()))
                .map(ConsentChangeRecorded.class, e -> new ConsentChanged(
                        e.memberId(), e.programId(), e.channel(), e.granted(), e.changedAt(), e.purpose(), e.source()))
                .map(ProfileChangeRecorded.class, e -> new MemberProfileUpdated(
                        e.memberId(),
                        e.programId(),
                        null,
                        null,
                        null,
                        null,
                        e.changedAt(),
                        e.locale(),
                        e.timeZone(),
                        e.changed(),
                        e.personalData(),
                        e.preferredChannels()))
                .map(ErasureRecorded.class, e -> new MemberErased(e.memberId(), e.programId(), e.reason(), e.erasedAt()))
                .map(StatusChangeRecorded.class, e -> new MemberStatusChanged(
                        e.memberId(), e.programId(), e.status(), e.previousStatus(), e.reason(), e.operator(), e.changedAt()))
                .map(SegmentMoved.class, AnalyticsContracts::memberSegmentChanged)
                .map(AnomalyRecorded.class, AnalyticsContracts::anomalyDetected)
                .build();
    }
}

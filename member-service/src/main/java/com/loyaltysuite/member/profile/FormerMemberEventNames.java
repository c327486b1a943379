package com.loyaltysuite.member.profile;

import com.loyaltysuite.support.persistence.RenamedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The former class names of the member events in the event store. They shared their simple names with
 * the contract events they are published as; a line stays here for as long as events stored under the
 * old name exist (ADR 6).
 */
@Configuration(proxyBeanMethods = false)
class FormerMemberEventNames {

    @Bean
    RenamedEvents renamedMemberEvents() {
        return RenamedEvents.builder()
                .renamed("com.loyaltysuite.member.profile.MemberRegistered", RegistrationRecorded.class)
                .renamed("com.loyaltysuite.member.profile.ConsentChanged", ConsentChangeRecorded.class)
                .build();
    }
}

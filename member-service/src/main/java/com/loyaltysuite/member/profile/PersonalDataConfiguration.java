package com.loyaltysuite.member.profile;

import com.loyaltysuite.support.crypto.MemberKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The members' data keys, in this service's schema: here they are made, and destroyed on erasure (ADR 9). */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    MemberKeys memberKeys(JdbcTemplate jdbc, Clock clock) {
        return new MemberKeys(jdbc, clock);
    }
}

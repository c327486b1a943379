package com.loyaltysuite.notification.contact;

import com.loyaltysuite.support.crypto.MemberKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** This service's copies of the members' data keys, which open the sealed contact details (ADR 9). */
@Configuration(proxyBeanMethods = false)
class MemberKeysConfiguration {

    @Bean
    MemberKeys memberKeys(JdbcTemplate jdbc, Clock clock) {
        return new MemberKeys(jdbc, clock);
    }
}

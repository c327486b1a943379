package com.loyaltysuite.support.crypto;

import com.loyaltysuite.support.config.LoyaltyServiceAutoConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A consumer's copies of the members' data keys (ADR 9), for a service that opens the sealed personal
 * data of member events: the {@link MemberKeys} over its {@code member_data_key} table (a Flyway
 * migration of the service's own) and the {@link MemberKeysListener} that fills it from
 * {@code loyalty.member-keys.v1}. Only where {@code loyalty.member-keys.consume=true}; the service must
 * also be granted read access to the key topic in {@code KafkaAccess}. member-service, which makes the
 * keys, declares its own {@link MemberKeys} and no listener.
 */
@AutoConfiguration(after = LoyaltyServiceAutoConfiguration.class)
@ConditionalOnProperty(name = "loyalty.member-keys.consume", havingValue = "true")
public class MemberKeysAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MemberKeys memberKeys(JdbcTemplate jdbc, Clock clock) {
        return new MemberKeys(jdbc, clock);
    }

    @Bean
    MemberKeysListener memberKeysListener(MemberKeys keys) {
        return new MemberKeysListener(keys);
    }
}

package com.loyaltysuite.member;

import com.loyaltysuite.member.profile.Member;
import com.loyaltysuite.support.LoyaltyService;
import com.loyaltysuite.support.aggregates.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Member profiles: registration, contact details and consents, published for the other services. */
@SpringBootApplication
@LoyaltyService("member")
public class MemberServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemberServiceApplication.class, args);
    }

    /** Named by {@link Member}'s {@code @Aggregate}: members stay in memory between commands. */
    @Bean
    Cache memberCache(AggregateCaches caches) {
        return caches.create(Member.class);
    }
}

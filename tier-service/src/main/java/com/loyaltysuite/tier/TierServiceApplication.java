package com.loyaltysuite.tier;

import com.loyaltysuite.support.LoyaltyService;
import com.loyaltysuite.support.aggregates.AggregateCaches;
import com.loyaltysuite.tier.membertier.MemberTier;
import org.axonframework.common.caching.Cache;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Member tiers: counts each member's qualifying spend, promotes along the ladder, tells other teams. */
@SpringBootApplication
@LoyaltyService("tier")
public class TierServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TierServiceApplication.class, args);
    }

    /** Named by {@link MemberTier}'s {@code @Aggregate}: member tiers stay in memory between commands. */
    @Bean
    Cache memberTierCache(AggregateCaches caches) {
        return caches.create(MemberTier.class);
    }
}

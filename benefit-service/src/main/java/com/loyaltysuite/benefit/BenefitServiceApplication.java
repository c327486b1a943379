package com.loyaltysuite.benefit;

import com.loyaltysuite.benefit.grant.MemberBenefits;
import com.loyaltysuite.support.LoyaltyService;
import com.loyaltysuite.support.aggregates.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Benefits per member: grants the upgrade gift of a newly reached tier and lists what a member holds. */
@SpringBootApplication
@LoyaltyService("benefit")
public class BenefitServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BenefitServiceApplication.class, args);
    }

    /** Named by {@link MemberBenefits}'s {@code @Aggregate}: members' benefits stay in memory between commands. */
    @Bean
    Cache memberBenefitsCache(AggregateCaches caches) {
        return caches.create(MemberBenefits.class);
    }
}

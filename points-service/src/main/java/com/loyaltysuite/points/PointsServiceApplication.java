package com.loyaltysuite.points;

import com.loyaltysuite.points.account.PointsAccount;
import com.loyaltysuite.support.LoyaltyService;
import com.loyaltysuite.support.aggregates.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Points accounts: turns paid orders into points, keeps the balance and the ledger. */
@SpringBootApplication
@LoyaltyService("points")
public class PointsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PointsServiceApplication.class, args);
    }

    /** Named by {@link PointsAccount}'s {@code @Aggregate}: accounts stay in memory between commands. */
    @Bean
    Cache pointsAccountCache(AggregateCaches caches) {
        return caches.create(PointsAccount.class);
    }
}

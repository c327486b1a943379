package com.loyaltysuite.tier;

import com.loyaltysuite.support.LoyaltyService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Member tiers: counts each member's qualifying spend, promotes along the ladder, tells other teams. */
@SpringBootApplication
@LoyaltyService("tier")
public class TierServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TierServiceApplication.class, args);
    }
}

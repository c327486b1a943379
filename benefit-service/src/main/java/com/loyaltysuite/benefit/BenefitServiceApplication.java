package com.loyaltysuite.benefit;

import com.loyaltysuite.support.LoyaltyService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Benefits per member: grants the upgrade gift of a newly reached tier and lists what a member holds. */
@SpringBootApplication
@LoyaltyService("benefit")
public class BenefitServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BenefitServiceApplication.class, args);
    }
}

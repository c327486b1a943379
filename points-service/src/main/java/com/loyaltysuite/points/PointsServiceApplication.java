package com.loyaltysuite.points;

import com.loyaltysuite.support.LoyaltyService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Points accounts: turns paid orders into points, keeps the balance and the ledger. */
@SpringBootApplication
@LoyaltyService("points")
public class PointsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PointsServiceApplication.class, args);
    }
}

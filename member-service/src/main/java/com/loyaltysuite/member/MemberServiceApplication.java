package com.loyaltysuite.member;

import com.loyaltysuite.support.LoyaltyService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Member profiles: registration, contact details and consents, published for the other services. */
@SpringBootApplication
@LoyaltyService("member")
public class MemberServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemberServiceApplication.class, args);
    }
}

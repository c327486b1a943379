package com.loyaltysuite.notification;

import com.loyaltysuite.support.LoyaltyService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Member notifications: keeps members' contact details and consents, emails them, logs every delivery. */
@SpringBootApplication
@LoyaltyService("notification")
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}

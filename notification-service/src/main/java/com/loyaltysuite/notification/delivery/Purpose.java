package com.loyaltysuite.notification.delivery;

/** Why a message is sent, which decides consent and quiet hours. */
public enum Purpose {
    /** About something the member did or has (an order, a tier, expiring points): sent at any hour. */
    TRANSACTIONAL,
    /** Promotion and care (a benefit, a welcome, a greeting): waits for the end of quiet hours. */
    MARKETING
}

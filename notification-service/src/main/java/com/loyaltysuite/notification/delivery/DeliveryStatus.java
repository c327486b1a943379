package com.loyaltysuite.notification.delivery;

/** What became of one message. */
public enum DeliveryStatus {
    /** The provider (SMTP server) accepted it. */
    SENT,
    /** Deliberately not sent: no consent for the channel, or no address on it. */
    SKIPPED,
    /** The provider refused it for good; it is not retried. */
    FAILED
}

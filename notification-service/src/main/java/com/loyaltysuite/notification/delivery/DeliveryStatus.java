package com.loyaltysuite.notification.delivery;

/** What became of one message. */
public enum DeliveryStatus {
    /**
     * Decided and waiting to be sent by its channel's dispatcher: at once, at the end of quiet hours
     * (a marketing message), or at its next try after the provider failed transiently.
     */
    PENDING,
    /** Claimed by a dispatcher that is sending it; claimed again if the claim grows stale (a crash). */
    SENDING,
    /** The provider (SMTP server, SMS gateway) accepted it. */
    SENT,
    /** Deliberately not sent: no consent for the channel, no address on it, too late, or no contact in time. */
    SKIPPED,
    /** The provider refused it for good; it is not retried. */
    FAILED,
    /**
     * Not decided yet: the member's contact details are not known (the event overtook the registration,
     * or the member never registered). Decided when the registration arrives, or skipped after
     * {@code loyalty.notification.contact-wait}.
     */
    WAITING_FOR_CONTACT
}

package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;

/**
 * An email about one type of event that can wait for the member's contact details: the waiting
 * delivery keeps only the template's name and the event, and this writes the email from them.
 */
interface ResumableEmail {

    String template();

    /** The type of the event the email is about, to read the event the waiting delivery kept. */
    EventType eventType();

    /** Decides the waiting delivery by the rules of a fresh event of this template. */
    DeliveryStatus resume(NotificationDelivery waiting, IntegrationEvent event);
}

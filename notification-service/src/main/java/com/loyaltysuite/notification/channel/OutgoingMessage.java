package com.loyaltysuite.notification.channel;

import java.util.Map;

/**
 * One message as a provider receives it.
 *
 * @param notificationId stable across retries: the provider's idempotency key (SMTP Message-ID and
 *     {@code X-Loyalty-Notification-Id}; the SMS gateway's {@code OutId})
 * @param recipient the email address or mobile number
 * @param template the trigger's name (the SMS gateway's template code is configured per trigger)
 * @param subject the email subject; null for an SMS
 * @param text the text the member reads
 * @param params the template parameters (the SMS gateway fills its registered template with them)
 */
public record OutgoingMessage(
        String notificationId,
        String recipient,
        String template,
        String subject,
        String text,
        Map<String, String> params) {}

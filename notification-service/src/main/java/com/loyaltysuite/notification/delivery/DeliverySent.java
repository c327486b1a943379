package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored: the provider accepted a message, and its delivery was logged {@link DeliveryStatus#SENT}.
 * {@code causationId} is the id of the event it was about. Published as the contract's
 * {@code NotificationSent}. Stored before under the name {@code delivery.NotificationSent}
 * ({@link FormerDeliveryEventNames}).
 */
public record DeliverySent(
        MemberId memberId,
        String programId,
        String notificationId,
        Channel channel,
        String template,
        Instant sentAt,
        String causationId) {}

package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored: the provider refused a message for good, and its delivery was logged
 * {@link DeliveryStatus#FAILED}. {@code causationId} is the id of the event it was about. Published as
 * the contract's {@code NotificationFailed}. Stored before under the name
 * {@code delivery.NotificationFailed} ({@link FormerDeliveryEventNames}).
 */
public record DeliveryFailed(
        MemberId memberId,
        String programId,
        String notificationId,
        Channel channel,
        String template,
        String reason,
        Instant failedAt,
        String causationId) {}

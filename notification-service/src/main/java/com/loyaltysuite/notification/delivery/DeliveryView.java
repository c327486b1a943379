package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import java.time.Instant;

/**
 * One entry of a member's delivery log. {@code causationId} is the id of the event the message was
 * about; {@code reason} says why it was skipped or failed; {@code recipient} is null when skipped
 * or after the member was erased.
 */
public record DeliveryView(
        String notificationId,
        String memberId,
        Channel channel,
        String template,
        DeliveryStatus status,
        String reason,
        String recipient,
        String causationId,
        Instant at) {}

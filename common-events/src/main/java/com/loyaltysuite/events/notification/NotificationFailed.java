package com.loyaltysuite.events.notification;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A message could not be delivered and will not be retried. Published by notification-service on
 * {@code loyalty.notifications.v1}.
 */
public record NotificationFailed(
        MemberId memberId,
        String programId,
        String notificationId,
        Channel channel,
        String template,
        String reason,
        Instant failedAt,
        String causationId)
        implements IntegrationEvent {}

package com.loyaltysuite.events.notification;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A message reached the provider (SMTP server or SMS gateway). Published by notification-service on
 * {@code loyalty.notifications.v1}.
 */
public record NotificationSent(
        MemberId memberId,
        String programId,
        String notificationId,
        Channel channel,
        String template,
        Instant sentAt,
        String causationId)
        implements IntegrationEvent {}

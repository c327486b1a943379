package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Internal: the provider accepted a message. {@code causationId} is the id of the event it was about. */
public record NotificationSent(
        MemberId memberId,
        String programId,
        String notificationId,
        Channel channel,
        String template,
        Instant sentAt,
        String causationId) {}

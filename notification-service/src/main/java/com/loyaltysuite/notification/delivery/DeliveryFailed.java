package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Internal: the provider refused a message for good. {@code causationId} is the id of the event it was about. */
public record NotificationFailed(
        MemberId memberId,
        String programId,
        String notificationId,
        Channel channel,
        String template,
        String reason,
        Instant failedAt,
        String causationId) {}

package com.loyaltysuite.notification.delivery;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.loyaltysuite.events.Channel;
import com.loyaltysuite.support.security.MaskedContact;
import java.time.Instant;

/**
 * One entry of a member's delivery log. {@code causationId} is the id of the event the message was
 * about; {@code reason} says why it was skipped or failed; {@code recipient} is null when skipped
 * or after the member was erased, and masked for callers who do not need it ({@link MaskedContact}).
 */
public record DeliveryView(
        String notificationId,
        String memberId,
        Channel channel,
        String template,
        DeliveryStatus status,
        String reason,
        @JsonSerialize(using = MaskedContact.class) String recipient,
        String causationId,
        Instant at) {}

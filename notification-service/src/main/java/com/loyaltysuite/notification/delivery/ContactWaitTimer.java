package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * The due date that ends a delivery's wait for the member's contact details: started when the
 * delivery is parked, stopped when it is decided. Both join the deciding transaction. When it comes,
 * {@link ContactWaitExpiry} skips the delivery if it is still waiting.
 */
public interface ContactWaitTimer {

    void start(MemberId member, String notificationId, Instant endsAt);

    void stop(MemberId member, String notificationId);
}

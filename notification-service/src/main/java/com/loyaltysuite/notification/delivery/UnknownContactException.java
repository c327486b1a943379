package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.MemberId;

/**
 * A member is to be notified before their registration reached the contact projection. Member events
 * travel on another topic than tier and points events, so this is usually a matter of moments: the consumer
 * retries the event with back-off (then dead-letters it, to be replayed).
 */
public class UnknownContactException extends RuntimeException {

    public UnknownContactException(MemberId memberId) {
        super("No contact details for member " + memberId + " yet");
    }
}

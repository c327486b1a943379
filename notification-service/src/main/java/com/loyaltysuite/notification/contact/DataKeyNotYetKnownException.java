package com.loyaltysuite.notification.contact;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.domain.TransientFailure;

/**
 * A member event's personal data is sealed with a key that has not arrived on
 * {@code loyalty.member-keys.v1} yet (the two topics are not ordered together): retried until it has.
 */
public class DataKeyNotYetKnownException extends RuntimeException implements TransientFailure {

    public DataKeyNotYetKnownException(MemberId member) {
        super("The data key of member " + member + " has not arrived yet");
    }
}

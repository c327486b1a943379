package com.loyaltysuite.support.crypto;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.domain.TransientFailure;

/**
 * A member event's personal data is sealed with a key that has not arrived on
 * {@code loyalty.member-keys.v1} yet (the two topics are not ordered together): a
 * {@link TransientFailure}, so the consumer retries the record until the key is there.
 */
public class DataKeyNotYetKnownException extends RuntimeException implements TransientFailure {

    public DataKeyNotYetKnownException(MemberId member) {
        super("The data key of member " + member + " has not arrived yet");
    }
}

package com.loyaltysuite.support.messaging;

/**
 * What applying an inbound event came to. {@link #APPLIED} is the usual answer; a
 * {@linkplain #rejected rejection} keeps the state change the handler made (e.g. a refund recorded on
 * the account to apply should its order still come), commits it, and then sends the record to the
 * dead-letter topic with the reason for someone to look at.
 */
public record Outcome(String rejection) {

    public static final Outcome APPLIED = new Outcome(null);

    public static Outcome rejected(String reason) {
        return new Outcome(reason);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}

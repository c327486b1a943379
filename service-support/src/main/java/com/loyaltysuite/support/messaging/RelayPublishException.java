package com.loyaltysuite.support.messaging;

/** Kafka did not acknowledge an event the relay published; the relay retries from that event. */
public class RelayPublishException extends RuntimeException {

    public RelayPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.loyaltysuite.support.messaging;

/**
 * A valid event this service cannot apply, and never will (e.g. an unsupported currency, a refund
 * of an unknown order). Like an invalid event it goes to the dead-letter topic at once, with this
 * message as the reason; retrying cannot help.
 */
public class RejectedEventException extends RuntimeException implements PermanentRejection {

    public RejectedEventException(String reason) {
        super(reason);
    }
}

package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.support.domain.TransientFailure;

/**
 * The SMTP server could not be reached or would not let us in. Nothing about the message is wrong,
 * so the delivery is not recorded and the consumer retries the event with back-off. Not a domain
 * exception: no rule refuses anything, and the same event succeeds once the server is back ("not
 * yet", not "never"), so it is a {@link TransientFailure} rather than a {@code DomainException}.
 */
public class MailServerUnavailableException extends RuntimeException implements TransientFailure {

    public MailServerUnavailableException(Throwable cause) {
        super("SMTP server unavailable: " + cause.getMessage(), cause);
    }
}

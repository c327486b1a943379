package com.loyaltysuite.notification.channel;

/** The provider failed in a way worth trying again later: counted by its circuit breaker. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public ProviderUnavailableException(String reason) {
        super(reason);
    }
}

package com.loyaltysuite.support.domain;

/**
 * A refusal by the domain itself, with a stable code. It knows nothing of HTTP or Kafka: the web
 * adapter answers it with a problem+json status, the Kafka adapter dead-letters the record at once
 * (the same rule would refuse it again on every retry).
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** A stable, machine-readable error code in kebab case, e.g. {@code insufficient-points}. */
    public abstract String code();
}

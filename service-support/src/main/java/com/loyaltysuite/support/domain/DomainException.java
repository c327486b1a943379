package com.loyaltysuite.support.domain;

/**
 * A refusal by the domain itself, with a stable code. It knows nothing of HTTP or Kafka: the web
 * adapter answers it with a problem+json status, the Kafka adapter dead-letters the record at once
 * (the same rule would refuse it again on every retry).
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    /**
     * @param code a stable, machine-readable error code in kebab case, e.g. {@code insufficient-points}
     * @param message what went wrong, for a person
     */
    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable, machine-readable error code, e.g. {@code insufficient-points}. */
    public final String code() {
        return code;
    }
}

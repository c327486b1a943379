package com.loyaltysuite.support.web;

/** A business rule refused the request (or it conflicts with current state). Answered with 409. */
public abstract class RuleViolationException extends RuntimeException {

    protected RuleViolationException(String message) {
        super(message);
    }

    /** A stable, machine-readable error code, e.g. {@code insufficient-points}. */
    public abstract String code();
}

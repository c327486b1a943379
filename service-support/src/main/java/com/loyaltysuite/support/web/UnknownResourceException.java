package com.loyaltysuite.support.web;

/** Something asked for by id does not exist. Answered with 404 and a problem body. */
public abstract class UnknownResourceException extends RuntimeException {

    protected UnknownResourceException(String message) {
        super(message);
    }

    /** A stable, machine-readable error code, e.g. {@code member-not-found}. */
    public abstract String code();
}

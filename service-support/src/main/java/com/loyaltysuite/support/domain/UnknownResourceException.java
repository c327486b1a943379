package com.loyaltysuite.support.domain;

/** Something asked for by id does not exist. Answered over HTTP with 404. */
public abstract class UnknownResourceException extends DomainException {

    protected UnknownResourceException(String code, String message) {
        super(code, message);
    }
}

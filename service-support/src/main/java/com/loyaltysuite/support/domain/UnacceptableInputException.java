package com.loyaltysuite.support.domain;

/**
 * A well-formed request or event that this service can never apply, however often it is retried: a
 * currency the programme does not support, a negative order amount. Answered over HTTP with 422.
 */
public abstract class UnacceptableInputException extends DomainException {

    protected UnacceptableInputException(String code, String message) {
        super(code, message);
    }
}

package com.loyaltysuite.support.domain;

/**
 * A business rule refuses the request, or it conflicts with the current state (not enough points, a
 * reservation already confirmed). Answered over HTTP with 409.
 */
public abstract class RuleViolationException extends DomainException {

    protected RuleViolationException(String code, String message) {
        super(code, message);
    }
}

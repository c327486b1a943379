package com.loyaltysuite.member.profile;

import com.loyaltysuite.support.domain.RuleViolationException;

/**
 * One member per mobile number and per email address: another member registered this one already.
 * The code names the field ({@code mobile-already-registered}, {@code email-already-registered}).
 */
public class ContactAlreadyRegisteredException extends RuleViolationException {

    private final String field;

    public ContactAlreadyRegisteredException(String field) {
        super(field + "-already-registered", "This " + field + " is already registered to another member");
        this.field = field;
    }

    /** The request field that is taken: {@code mobile} or {@code email}. */
    public String field() {
        return field;
    }
}

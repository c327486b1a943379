package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.support.domain.UnknownResourceException;

/** The member has no exchange of this id, or the catalogue no item of this code. */
public class ExchangeNotFoundException extends UnknownResourceException {

    public ExchangeNotFoundException(String what) {
        super("exchange-not-found", what);
    }
}

package com.loyaltysuite.points.earning;

import com.loyaltysuite.support.domain.UnacceptableInputException;

/** The programme earns points in one currency; an order paid in another cannot be valued. */
public class UnsupportedCurrencyException extends UnacceptableInputException {

    public UnsupportedCurrencyException(String currency, String supported) {
        super("unsupported-currency", "Orders in " + currency + " earn no points; the programme earns in " + supported);
    }
}

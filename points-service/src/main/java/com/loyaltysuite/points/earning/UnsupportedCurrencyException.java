package com.loyaltysuite.points.earning;

import com.loyaltysuite.support.domain.UnacceptableInputException;

/** The programme earns points in one currency; an order paid in another cannot be valued. */
public class UnsupportedCurrencyException extends UnacceptableInputException {

    public UnsupportedCurrencyException(String currency, String supported) {
        super("Orders in " + currency + " earn no points; the programme earns in " + supported);
    }

    @Override
    public String code() {
        return "unsupported-currency";
    }
}

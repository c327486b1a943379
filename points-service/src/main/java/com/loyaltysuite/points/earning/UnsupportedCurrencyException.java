package com.loyaltysuite.points.earning;

import com.loyaltysuite.support.messaging.PermanentRejection;

/** The programme earns points in one currency; an order paid in another cannot be valued. */
public class UnsupportedCurrencyException extends RuntimeException implements PermanentRejection {

    public UnsupportedCurrencyException(String currency, String supported) {
        super("Orders in " + currency + " earn no points; the programme earns in " + supported);
    }
}

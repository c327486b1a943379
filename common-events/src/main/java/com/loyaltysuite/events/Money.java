package com.loyaltysuite.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money: a decimal carried as a JSON string (never a float) and an ISO-4217 currency code.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value, String currency) {

    public Money {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String value, String currency) {
        return new Money(new BigDecimal(value), currency);
    }

    public boolean isCurrency(String code) {
        return currency.equals(code);
    }
}

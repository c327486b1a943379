package com.loyaltysuite.tier.membertier;

/** The ladder counts one unit (a currency, or points); a value in another cannot be compared with it. */
public class UnsupportedCurrencyException extends UnqualifiableOrderException {

    UnsupportedCurrencyException(String unit, String supported) {
        super("unsupported-currency", "Orders in " + unit + " do not count towards tiers; the ladder counts " + supported);
    }
}

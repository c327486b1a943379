package com.loyaltysuite.tier.membertier;

/** The ladder counts spend in one currency; an order paid in another cannot be compared with it. */
public class UnsupportedCurrencyException extends UnqualifiableOrderException {

    UnsupportedCurrencyException(String currency, String supported) {
        super("Orders in " + currency + " do not count towards tiers; the ladder counts " + supported);
    }
}

package com.loyaltysuite.events.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one rule every service applies to the order system's amounts, beyond their schema: an amount
 * is never negative, has no more decimals than its currency's minor unit (2 for CNY), and stays below
 * {@value #MAX_INTEGER_DIGITS} integer digits. A record that breaks it is invalid, so each consumer
 * dead-letters it with the same reason instead of earning 0 in one service and refusing in another.
 * Every object of the event with a string {@code value} and a {@code currency} is an amount, the
 * order's total and each line's alike.
 */
final class AmountRules {

    /** 999,999,999,999.99 at most: far above any real order, far below where points arithmetic overflows. */
    static final int MAX_INTEGER_DIGITS = 12;

    private AmountRules() {}

    static List<String> violations(EventType type, JsonNode data) {
        if (!type.topic().startsWith("orders.")) {
            return List.of();
        }
        List<String> violations = new ArrayList<>();
        collect("$", data, violations);
        return violations;
    }

    private static void collect(String path, JsonNode node, List<String> violations) {
        if (node.isObject()) {
            if (node.path("value").isTextual() && node.path("currency").isTextual()) {
                check(path + ".value", node.get("value").asText(), node.get("currency").asText(), violations);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path + "." + field.getKey(), field.getValue(), violations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), violations);
            }
        }
    }

    private static void check(String path, String text, String currency, List<String> violations) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return; // the schema's pattern already names it
        }
        if (amount.signum() < 0) {
            violations.add(path + ": amount " + text + " is negative");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            violations.add(path + ": amount has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        int minorUnits = minorUnitsOf(currency);
        if (amount.scale() > minorUnits) {
            violations.add(path + ": amount " + abbreviated(text) + " has more than " + minorUnits + " decimals for "
                    + currency);
        }
    }

    private static int minorUnitsOf(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }
}

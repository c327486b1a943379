package com.loyaltysuite.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** An order's identifier in the order system. */
public record OrderId(String value) {

    public OrderId {
        Objects.requireNonNull(value, "orderId");
        if (value.isBlank()) {
            throw new IllegalArgumentException("orderId must not be blank");
        }
    }

    @JsonCreator
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

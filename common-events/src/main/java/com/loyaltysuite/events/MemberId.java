package com.loyaltysuite.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A member's identifier, as the order system knows it. It is the Kafka key of every event about the member. */
public record MemberId(String value) {

    public MemberId {
        Objects.requireNonNull(value, "memberId");
        if (value.isBlank()) {
            throw new IllegalArgumentException("memberId must not be blank");
        }
    }

    @JsonCreator
    public static MemberId of(String value) {
        return new MemberId(value);
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

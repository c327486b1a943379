package com.loyaltysuite.events.codec;

import java.util.List;

/**
 * A record that is not a valid event of the contract: broken envelope, unknown type, or data that
 * violates its schema. Retrying cannot help; consumers dead-letter it with {@link #getMessage()}.
 */
public class InvalidEventException extends RuntimeException {

    private final List<String> violations;

    public InvalidEventException(String reason, List<String> violations) {
        super(violations.isEmpty() ? reason : reason + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason + ": " + cause.getMessage(), cause);
        this.violations = List.of();
    }

    /** Each violation names the offending field as a JSON path, e.g. {@code $.amount.value: ...}. */
    public List<String> violations() {
        return violations;
    }
}

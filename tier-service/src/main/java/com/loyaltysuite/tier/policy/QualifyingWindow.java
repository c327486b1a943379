package com.loyaltysuite.tier.policy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The rule that draws the window a qualifying value is counted over. */
public record QualifyingWindow(WindowKind kind, Period length) {

    public QualifyingWindow {
        kind = kind == null ? WindowKind.ROLLING : kind;
        length = length == null ? Period.ofMonths(12) : length;
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a qualifying window needs a positive length, not " + length);
        }
    }

    public static QualifyingWindow rolling12Months() {
        return new QualifyingWindow(WindowKind.ROLLING, Period.ofMonths(12));
    }

    public Window endingAt(Instant at) {
        ZonedDateTime end = at.atZone(ZoneOffset.UTC);
        Instant from = switch (kind) {
            case ROLLING -> end.minus(length).toInstant();
            case CALENDAR_YEAR -> end.withDayOfYear(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        };
        return new Window(kind, from, at);
    }
}

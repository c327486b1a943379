package com.loyaltysuite.events.codec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;

/**
 * Reads and writes instants in the one form the suite writes them, {@code 2026-12-05T10:15:30.123Z},
 * without {@link DateTimeFormatter}. Every stored event and every record carries several instants,
 * and the formatter's general parser was a sixth of a projection's CPU in a rebuild. The output is
 * exactly {@link DateTimeFormatter#ISO_INSTANT}'s (fraction in groups of three digits, as many as
 * needed); anything else (an offset, a year outside 0000-9999, a leap second) is left to the
 * formatter, so what is accepted does not change.
 */
public final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final long MIN_EPOCH_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_EPOCH_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private IsoInstants() {}

    /** The instant in {@code text}, if it is in the canonical UTC form; otherwise null (use the formatter). */
    public static Instant parseCanonical(CharSequence text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * POWERS_OF_TEN[9 - fractionDigits];
        }
        if (day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** Parses like {@code Instant.parse}, the canonical form without the formatter. */
    public static Instant parse(CharSequence text) {
        Instant canonical = parseCanonical(text);
        return canonical != null ? canonical : DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
    }

    /** Exactly {@code DateTimeFormatter.ISO_INSTANT.format(instant)}, which is also {@code Instant.toString()}. */
    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        LocalDate date = epochDay >= MIN_EPOCH_DAY && epochDay <= MAX_EPOCH_DAY ? LocalDate.ofEpochDay(epochDay) : null;
        if (date == null) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        char[] out = new char[30];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int end = 19;
        int nanos = instant.getNano();
        if (nanos > 0) {
            out[end++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, end, nanos / 1_000_000, 3);
                end += 3;
            } else if (nanos % 1_000 == 0) {
                put(out, end, nanos / 1_000, 6);
                end += 6;
            } else {
                put(out, end, nanos, 9);
                end += 9;
            }
        }
        out[end++] = 'Z';
        return new String(out, 0, end);
    }

    /** The number written by {@code count} ASCII digits from {@code from}, or -1 if one is not a digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void put(char[] out, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

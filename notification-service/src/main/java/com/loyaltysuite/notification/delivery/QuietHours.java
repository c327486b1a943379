package com.loyaltysuite.notification.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Marketing messages are not sent between {@code start} and {@code end} (22:00–08:00 by default) in
 * the member's time zone; they wait for the end. Transactional ones go at any hour. Plain Java.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        start = start == null ? LocalTime.of(22, 0) : start;
        end = end == null ? LocalTime.of(8, 0) : end;
    }

    /** The end of the quiet hours {@code now} falls in, for a marketing message; null when it may go now. */
    public Instant waitUntil(Purpose purpose, Instant now, ZoneId zone) {
        if (purpose != Purpose.MARKETING || start.equals(end)) {
            return null;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
        if (!quiet) {
            return null;
        }
        ZonedDateTime endToday = local.with(end);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }
}

package com.loyaltysuite.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in this module's tests: real time, shifted by an offset a test sets, so it keeps
 * ticking (the delivery log is ordered by time) while a test drives it to an hour of its choosing.
 * It starts at noon in the programme's zone, away from quiet hours whatever the hour of the run, and
 * is only ever moved forward: messages rescheduled at a moved time must come due.
 */
public final class ShiftedClock extends Clock {

    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");
    public static final ShiftedClock INSTANCE = new ShiftedClock();

    private volatile Duration offset;

    private ShiftedClock() {
        LocalDateTime noon = Instant.now().atZone(PROGRAMME_ZONE).toLocalDate().atTime(12, 0);
        offset = Duration.between(Instant.now(), noon.atZone(PROGRAMME_ZONE).toInstant());
    }

    /** Moves the clock to {@code local} in the programme's zone; refused if that is in its past. */
    public synchronized void moveTo(LocalDateTime local) {
        Instant target = local.atZone(PROGRAMME_ZONE).toInstant();
        Instant now = instant();
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("the clock only moves forward: " + local + " is before " + now);
        }
        offset = offset.plus(Duration.between(now, target));
    }

    public LocalDateTime local() {
        return LocalDateTime.ofInstant(instant(), PROGRAMME_ZONE);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}

package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The due date of a member's next birthday greeting, one per member: set when their birthday or time
 * zone becomes known or changes, and after each greeting for the next year; cleared when no birthday is
 * known any more (erasure). Joins the deciding transaction. When it comes, {@link BirthdayGreeting#greet}.
 */
public interface BirthdayTimer {

    /** @param zone the zone {@code dueAt} was reckoned in */
    void set(MemberId member, Instant dueAt, ZoneId zone);

    void clear(MemberId member);
}

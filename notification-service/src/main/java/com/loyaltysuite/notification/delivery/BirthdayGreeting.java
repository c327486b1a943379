package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.notification.contact.ContactView;
import com.loyaltysuite.notification.contact.FindContact;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The birthday greeting (trigger {@code birthday}, marketing: it needs the channel's marketing consent
 * and waits for the end of quiet hours). Driven by the birthday the contact projection opened from the
 * member's sealed personal data (ADR 9): a durable timer per member comes due on the birthday at
 * {@code loyalty.notification.birthday-at} (10:00 by default) in the member's own time zone, the
 * programme's when they gave none. Sent once per member, year and channel: the message id is derived
 * from {@code birthday:<member>:<year>}, however often the timer is set or fires. A 29 February birthday
 * is greeted on 28 February in other years. A timer that fires after the birthday has passed (the
 * service was down all day) greets no one late; it only sets next year's.
 */
@Component
public class BirthdayGreeting implements Trigger {

    static final String NAME = "birthday";

    private final Notifier notifier;
    private final QueryGateway queries;
    private final BirthdayTimer timer;
    private final NotificationProperties properties;
    private final Clock clock;
    private final LocalTime greetAt;

    BirthdayGreeting(
            Notifier notifier,
            QueryGateway queries,
            BirthdayTimer timer,
            NotificationProperties properties,
            Clock clock,
            @Value("${loyalty.notification.birthday-at:10:00}") LocalTime greetAt) {
        this.notifier = notifier;
        this.queries = queries;
        this.timer = timer;
        this.properties = properties;
        this.clock = clock;
        this.greetAt = greetAt;
    }

    /**
     * Sets (or clears) the member's next greeting from their contact as it now stands. Called after the
     * contact projection applied a member event, in the same transaction.
     */
    public void plan(MemberId member) {
        Optional<ContactView> contact = contact(member);
        if (contact.isEmpty() || contact.get().erased() || contact.get().birthday() == null) {
            timer.clear(member);
            return;
        }
        ContactView known = contact.get();
        ZoneId zone = known.zone(properties.zone());
        timer.set(member, next(known.birthday(), zone, greetAt, clock.instant()), zone);
    }

    /** The member's greeting came due: greets them if it is their birthday where they live, then sets next year's. */
    public void greet(MemberId member) {
        Optional<ContactView> contact = contact(member);
        if (contact.isEmpty() || contact.get().erased() || contact.get().birthday() == null) {
            timer.clear(member);
            return;
        }
        ContactView known = contact.get();
        ZoneId zone = known.zone(properties.zone());
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        if (known.birthday().atYear(today.getYear()).equals(today)) {
            notifier.notifyMember(this, member, known.programId(), causation(member, today.getYear()), Map.of());
        }
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        timer.set(member, next(known.birthday(), zone, greetAt, tomorrow), zone);
    }

    /** What a greeting's id is derived from (with the channel and the trigger): one per member and year. */
    static String causation(MemberId member, int year) {
        return NAME + ":" + member.value() + ":" + year;
    }

    /**
     * When the next greeting is due, from {@code from}: on the birthday at {@code at} in {@code zone}; on the
     * birthday itself but past that hour, at once.
     */
    static Instant next(MonthDay birthday, ZoneId zone, LocalTime at, Instant from) {
        LocalDate today = from.atZone(zone).toLocalDate();
        LocalDate thisYear = birthday.atYear(today.getYear());
        if (thisYear.equals(today)) {
            Instant due = today.atTime(at).atZone(zone).toInstant();
            return due.isBefore(from) ? from : due;
        }
        LocalDate day = thisYear.isAfter(today) ? thisYear : birthday.atYear(today.getYear() + 1);
        return day.atTime(at).atZone(zone).toInstant();
    }

    private Optional<ContactView> contact(MemberId member) {
        return queries.query(new FindContact(member), ResponseTypes.optionalInstanceOf(ContactView.class))
                .join();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** About no event: the greeting is driven by the date. */
    @Override
    public EventType eventType() {
        return null;
    }

    @Override
    public Purpose purpose() {
        return Purpose.MARKETING;
    }

    @Override
    public Map<String, Object> variables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        return Map.of();
    }
}

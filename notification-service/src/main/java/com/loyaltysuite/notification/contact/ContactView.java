package com.loyaltysuite.notification.contact;

import com.loyaltysuite.events.Channel;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

/**
 * A member's contact details and consents per channel and purpose: {@code smsConsent} and
 * {@code emailConsent} are the marketing ones; the {@code …TransactionalConsent} ones cover messages
 * about the member's own account, granted with membership until withdrawn. After erasure the personal
 * fields are null, every consent is false and {@code erased} is true. {@code timeZone} is the member's
 * own (null: the programme's), {@code preferredChannels} the channels they want to be told on (empty: any
 * they consented to), {@code birthday} the month and day of their birthday, when known.
 */
public record ContactView(
        String memberId,
        String programId,
        String name,
        String mobile,
        String email,
        boolean smsConsent,
        boolean emailConsent,
        boolean erased,
        boolean smsTransactionalConsent,
        boolean emailTransactionalConsent,
        String timeZone,
        List<Channel> preferredChannels,
        MonthDay birthday) {

    public ContactView {
        preferredChannels = preferredChannels == null ? List.of() : List.copyOf(preferredChannels);
    }

    /** With the consents per purpose, and no zone, preferences or birthday. */
    public ContactView(
            String memberId,
            String programId,
            String name,
            String mobile,
            String email,
            boolean smsConsent,
            boolean emailConsent,
            boolean erased,
            boolean smsTransactionalConsent,
            boolean emailTransactionalConsent) {
        this(memberId, programId, name, mobile, email, smsConsent, emailConsent, erased, smsTransactionalConsent,
                emailTransactionalConsent, null, List.of(), null);
    }

    /** The member's own time zone, or {@code programme}'s when they gave none (or one no longer known). */
    public ZoneId zone(ZoneId programme) {
        if (timeZone == null || timeZone.isBlank()) {
            return programme;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return programme;
        }
    }

    /** With the transactional consents a member starts with: granted, unless erased. */
    public ContactView(
            String memberId,
            String programId,
            String name,
            String mobile,
            String email,
            boolean smsConsent,
            boolean emailConsent,
            boolean erased) {
        this(memberId, programId, name, mobile, email, smsConsent, emailConsent, erased, !erased, !erased);
    }
}

package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.support.crypto.MemberKeys;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One member per mobile number and per email address, across instances. The aggregate cannot see other
 * members, so each registration (and each change of contact details) claims its values in
 * {@code contact_claim}, whose primary key is the value: a subscribing processing group, so the claim is
 * written in the transaction that appends the event. A claim another member holds, or one another
 * transaction is writing right now (PostgreSQL makes the insert wait for it), refuses the command with
 * {@link ContactAlreadyRegisteredException} and rolls the event back. Not replayed: claims are a
 * constraint, not a read model.
 */
@Component
@ProcessingGroup(ContactClaims.PROCESSING_GROUP)
class ContactClaims {

    static final String PROCESSING_GROUP = "member-contact-claims";

    static final String MOBILE = "mobile";
    static final String EMAIL = "email";

    private final JdbcTemplate jdbc;
    private final MemberKeys keys;

    ContactClaims(JdbcTemplate jdbc, MemberKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(RegistrationRecorded event) {
        PersonalData data = personalData(event.memberId(), event.personalData(), event.clearPersonalData());
        claim(event.memberId(), MOBILE, data.mobile());
        claim(event.memberId(), EMAIL, data.email());
    }

    private PersonalData personalData(MemberId member, String sealed, PersonalData clear) {
        return clear != null ? clear : keys.open(member, sealed).orElse(new PersonalData(null, null, null, null));
    }

    /** A changed mobile or email: the new value is claimed, the member's former one given up. */
    @EventHandler
    void on(ProfileChangeRecorded event) {
        PersonalData data = personalData(event.memberId(), event.personalData(), null);
        if (event.changed().contains(MOBILE)) {
            reclaim(event.memberId(), MOBILE, data.mobile());
        }
        if (event.changed().contains(EMAIL)) {
            reclaim(event.memberId(), EMAIL, data.email());
        }
    }

    private void reclaim(MemberId member, String kind, String value) {
        claim(member, kind, value);
        jdbc.update("delete from contact_claim where kind = ? and member_id = ? and value <> ?",
                kind, member.value(), key(kind, value));
    }

    /** Claims {@code value} for {@code member}, or refuses it if another member holds it. */
    void claim(MemberId member, String kind, String value) {
        if (value == null) {
            return;
        }
        String key = key(kind, value);
        int inserted = jdbc.update(
                "insert into contact_claim (kind, value, member_id) values (?, ?, ?) on conflict do nothing",
                kind, key, member.value());
        if (inserted == 0) {
            String holder = jdbc.queryForObject(
                    "select member_id from contact_claim where kind = ? and value = ?", String.class, kind, key);
            if (!member.value().equals(holder)) {
                throw new ContactAlreadyRegisteredException(kind);
            }
        }
    }

    /** Gives {@code value} up, so another member may register it. */
    void release(MemberId member, String kind, String value) {
        if (value != null) {
            jdbc.update("delete from contact_claim where kind = ? and value = ? and member_id = ?",
                    kind, key(kind, value), member.value());
        }
    }

    static String key(String kind, String value) {
        return kind.equals(EMAIL) ? value.trim().toLowerCase(Locale.ROOT) : value;
    }
}

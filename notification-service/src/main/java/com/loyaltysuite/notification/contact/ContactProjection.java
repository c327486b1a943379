package com.loyaltysuite.notification.contact;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.ConsentPurpose;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.support.crypto.DataKeyNotYetKnownException;
import com.loyaltysuite.support.crypto.MemberKeys;
import com.loyaltysuite.support.crypto.PersonalDataCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Members' contact details and consents, projected from member-service's events on
 * {@code loyalty.members.v1}. Written in the consuming transaction (with the inbox entry), so each
 * event applies once. Member events arrive in order per member; a member's later events replace what
 * the earlier ones said. Once a member is erased nothing personal is written for them again.
 * Personal fields arrive sealed; they are opened with the member's data key from
 * {@code loyalty.member-keys.v1} (ADR 9).
 */
@Component
public class ContactProjection {

    private static final PersonalData NONE = new PersonalData(null, null, null, null);

    private final MemberContactRepository contacts;
    private final MemberKeys keys;
    private final Clock clock;
    private final Duration keyWait;

    ContactProjection(
            MemberContactRepository contacts,
            MemberKeys keys,
            Clock clock,
            @Value("${loyalty.notification.data-key-wait:PT10M}") Duration keyWait) {
        this.contacts = contacts;
        this.keys = keys;
        this.clock = clock;
        this.keyWait = keyWait;
    }

    public void on(MemberRegistered event) {
        MemberContact contact = contactOf(event.memberId(), event.programId());
        if (contact.erased()) {
            return;
        }
        PersonalData personal = event.personalData() == null
                ? new PersonalData(event.name(), event.mobile(), event.email(), event.birthday())
                : open(event.memberId(), event.personalData(), event.registeredAt());
        contact.profile(personal.name(), personal.mobile(), personal.email(), event.registeredAt());
        contact.birthday(personal.birthday());
        contact.consent(Channel.SMS, event.consents().sms(), event.registeredAt());
        contact.consent(Channel.EMAIL, event.consents().email(), event.registeredAt());
        contacts.save(contact);
    }

    public void on(MemberProfileUpdated event) {
        MemberContact contact = contactOf(event.memberId(), event.programId());
        if (contact.erased()) {
            return;
        }
        PersonalData personal = event.personalData() == null
                ? new PersonalData(event.name(), event.mobile(), event.email(), event.birthday())
                : open(event.memberId(), event.personalData(), event.updatedAt());
        contact.profile(personal.name(), personal.mobile(), personal.email(), event.updatedAt());
        contact.birthday(personal.birthday());
        contact.timeZone(event.timeZone());
        // The event carries the whole profile: the preferences as they stand (none stated: any channel).
        contact.preferredChannels(event.preferredChannels());
        contacts.save(contact);
    }

    /**
     * The consents kept here are the ones the emails are sent under: marketing consents (also every
     * consent published before purposes existed). A transactional consent change leaves them as they are.
     */
    public void on(ConsentChanged event) {
        MemberContact contact = contactOf(event.memberId(), event.programId());
        if (contact.erased()) {
            return;
        }
        if (event.purpose() == ConsentPurpose.TRANSACTIONAL) {
            contact.transactionalConsent(event.channel(), event.granted(), event.changedAt());
        } else {
            contact.consent(event.channel(), event.granted(), event.changedAt());
        }
        contacts.save(contact);
    }

    /** The contact details go, and with them this service's copy of the member's data key. */
    public void on(MemberErased event) {
        MemberContact contact = contactOf(event.memberId(), event.programId());
        contact.erase(event.erasedAt());
        contacts.save(contact);
        keys.shred(event.memberId());
    }

    /**
     * Sealed personal data, opened with this service's copy of the member's key (ADR 9). An erased
     * member's data stays closed. A key not here yet is waited for (the key topic and the member topic
     * are not ordered together), unless the event is older than {@code data-key-wait}: then its key was
     * erased and compacted away long ago, and the event is applied without personal data.
     */
    private PersonalData open(MemberId member, String sealed, Instant at) {
        MemberKeys.Lookup lookup = keys.find(member);
        if (lookup instanceof MemberKeys.Lookup.Known known) {
            return PersonalDataCipher.open(member, known.key(), sealed).orElse(NONE);
        }
        if (lookup instanceof MemberKeys.Lookup.Unknown && at.plus(keyWait).isAfter(clock.instant())) {
            throw new DataKeyNotYetKnownException(member);
        }
        return NONE;
    }

    @QueryHandler
    Optional<ContactView> handle(FindContact query) {
        return contacts.findById(query.memberId().value()).map(MemberContact::view);
    }

    /**
     * A profile or consent event for a member this projection has not seen registered still counts
     * (the registration may have aged out of the topic); consents stay off until granted.
     */
    private MemberContact contactOf(MemberId memberId, String programId) {
        return contacts.findById(memberId.value()).orElseGet(() -> new MemberContact(memberId.value(), programId));
    }
}

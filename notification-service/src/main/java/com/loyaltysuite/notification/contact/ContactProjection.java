package com.loyaltysuite.notification.contact;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentChanged;
import com.loyaltysuite.events.member.ConsentPurpose;
import com.loyaltysuite.events.member.MemberErased;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberRegistered;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Members' contact details and consents, projected from member-service's events on
 * {@code loyalty.members.v1}. Written in the consuming transaction (with the inbox entry), so each
 * event applies once. Member events arrive in order per member; a member's later events replace what
 * the earlier ones said. Once a member is erased nothing personal is written for them again.
 */
@Component
public class ContactProjection {

    private final MemberContactRepository contacts;

    ContactProjection(MemberContactRepository contacts) {
        this.contacts = contacts;
    }

    public void on(MemberRegistered event) {
        MemberContact contact = contactOf(event.memberId(), event.programId());
        if (contact.erased()) {
            return;
        }
        contact.profile(event.name(), event.mobile(), event.email(), event.registeredAt());
        contact.consent(Channel.SMS, event.consents().sms(), event.registeredAt());
        contact.consent(Channel.EMAIL, event.consents().email(), event.registeredAt());
        contacts.save(contact);
    }

    public void on(MemberProfileUpdated event) {
        MemberContact contact = contactOf(event.memberId(), event.programId());
        if (contact.erased()) {
            return;
        }
        contact.profile(event.name(), event.mobile(), event.email(), event.updatedAt());
        contacts.save(contact);
    }

    /**
     * The consents kept here are the ones the emails are sent under: marketing consents (also every
     * consent published before purposes existed). A transactional consent change leaves them as they are.
     */
    public void on(ConsentChanged event) {
        if (event.purpose() != ConsentPurpose.MARKETING) {
            return;
        }
        MemberContact contact = contactOf(event.memberId(), event.programId());
        if (contact.erased()) {
            return;
        }
        contact.consent(event.channel(), event.granted(), event.changedAt());
        contacts.save(contact);
    }

    public void on(MemberErased event) {
        MemberContact contact = contactOf(event.memberId(), event.programId());
        contact.erase(event.erasedAt());
        contacts.save(contact);
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

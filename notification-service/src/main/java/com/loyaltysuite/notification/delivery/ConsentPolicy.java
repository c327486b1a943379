package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.notification.contact.ContactView;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a member may be sent a message on a channel for a purpose,
 * from the contact read side ({@link ContactView}). Asked when a message is decided and again just
 * before it is sent, so a withdrawn consent or an erasure applies at once, even to a message already
 * waiting. Consent is per channel today; the purpose is passed so that consent per channel and
 * purpose can be decided here.
 */
@Component
public class ConsentPolicy {

    /** Why the member must not be sent this message; null when it may be sent. */
    public String refusal(ContactView contact, Channel channel, Purpose purpose) {
        if (contact.erased()) {
            return "member was erased";
        }
        return switch (channel) {
            case EMAIL -> !contact.emailConsent()
                    ? "member has not consented to email"
                    : blank(contact.email()) ? "member has no email address" : null;
            case SMS -> !contact.smsConsent()
                    ? "member has not consented to sms"
                    : blank(contact.mobile()) ? "member has no mobile number" : null;
        };
    }

    /** The member's address on the channel. */
    public String address(ContactView contact, Channel channel) {
        return switch (channel) {
            case EMAIL -> contact.email();
            case SMS -> contact.mobile();
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

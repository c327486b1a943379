package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.notification.contact.ContactView;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a member may be sent a message on a channel for a purpose,
 * from the contact read side ({@link ContactView}). Asked when a message is decided and again just
 * before it is sent, so a withdrawn consent or an erasure applies at once, even to a message already
 * waiting. Consent is per channel and purpose: an order, points or tier message needs the channel's
 * transactional consent, a benefit or a welcome its marketing consent. A member who stated preferred
 * channels is told only on those (a trigger's channels intersected with them), whatever the purpose;
 * consent still applies on the channels that remain.
 */
@Component
public class ConsentPolicy {

    /** Why the member must not be sent this message; null when it may be sent. */
    public String refusal(ContactView contact, Channel channel, Purpose purpose) {
        if (contact.erased()) {
            return "member was erased";
        }
        if (!contact.preferredChannels().isEmpty() && !contact.preferredChannels().contains(channel)) {
            return "member prefers " + String.join(" and ", contact.preferredChannels().stream().map(Enum::name).toList());
        }
        boolean transactional = purpose == Purpose.TRANSACTIONAL;
        return switch (channel) {
            case EMAIL -> !(transactional ? contact.emailTransactionalConsent() : contact.emailConsent())
                    ? "member has not consented to " + nameOf(purpose) + " email"
                    : blank(contact.email()) ? "member has no email address" : null;
            case SMS -> !(transactional ? contact.smsTransactionalConsent() : contact.smsConsent())
                    ? "member has not consented to " + nameOf(purpose) + " sms"
                    : blank(contact.mobile()) ? "member has no mobile number" : null;
        };
    }

    private static String nameOf(Purpose purpose) {
        return purpose.name().toLowerCase(java.util.Locale.ROOT);
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

package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.notification.contact.ContactView;
import com.loyaltysuite.notification.contact.FindContact;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails a member about an event, if they agreed to email, and records the delivery; what the email
 * says is up to the event's template. Runs in the transaction that consumes the event: the delivery
 * row, the NotificationSent or NotificationFailed event (Axon's event store is the outbox) and the
 * inbox entry commit together. The delivery row is claimed before the mail goes out, so one event
 * never mails the same template twice.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class EmailNotifier {

    static final int MAX_REASON = 1024;

    private final NotificationDeliveryRepository deliveries;
    private final QueryGateway queries;
    private final EventGateway events;
    private final JavaMailSender mail;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    EmailNotifier(
            NotificationDeliveryRepository deliveries,
            QueryGateway queries,
            EventGateway events,
            JavaMailSender mail,
            NotificationProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.deliveries = deliveries;
        this.queries = queries;
        this.events = events;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** An email that stays worth sending whenever the event is consumed. */
    @Transactional
    public Optional<DeliveryStatus> notify(
            IntegrationEvent about, String causationId, String template, Function<String, Email> render) {
        return notify(about, causationId, template, null, render);
    }

    /**
     * @param about the event the member is told about: whose it is
     * @param causationId its CloudEvent id
     * @param template the template's name, recorded with the delivery
     * @param actBy for a warning, the instant after which the member can no longer act on it (the
     *     points have expired, the tier has ended): consumed later (a first read of a topic from its
     *     beginning, a replay from the dead-letter topic) it is skipped, not sent; null when none
     * @param render writes the email from the member's name (null when none is on file); the name
     *     is only known once the contact is found, and is not asked for when nothing is sent
     * @return what became of the email; empty when this event was already handled for this template
     */
    @Transactional
    public Optional<DeliveryStatus> notify(
            IntegrationEvent about,
            String causationId,
            String template,
            Instant actBy,
            Function<String, Email> render) {
        if (deliveries.existsByCausationIdAndChannelAndTemplate(causationId, Channel.EMAIL, template)) {
            return Optional.empty();
        }
        String notificationId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (actBy != null && !now.isBefore(actBy)) {
            return skip(about, notificationId, template, causationId, "too late to act on: ended at " + actBy, now);
        }
        ContactView contact = queries.query(
                        new FindContact(about.memberId()), ResponseTypes.optionalInstanceOf(ContactView.class))
                .join()
                .orElseThrow(() -> new UnknownContactException(about.memberId()));

        String skipReason = skipReason(contact);
        if (skipReason != null) {
            return skip(about, notificationId, template, causationId, skipReason, now);
        }

        NotificationDelivery delivery = record(new NotificationDelivery(notificationId, about.memberId().value(),
                about.programId(), Channel.EMAIL, template, causationId, DeliveryStatus.SENT, null, contact.email(),
                now));
        Email email = render.apply(contact.name());
        try {
            mail.send(mime -> compose(mime, notificationId, contact.email(), email));
        } catch (MailException e) {
            if (isServerUnavailable(e)) {
                throw new MailServerUnavailableException(e);
            }
            String reason = truncate("SMTP server refused the message: " + e.getMessage());
            delivery.failed(reason, now);
            count(template, DeliveryStatus.FAILED);
            events.publish(new NotificationFailed(about.memberId(), about.programId(), notificationId, Channel.EMAIL,
                    template, reason, now, causationId));
            return Optional.of(DeliveryStatus.FAILED);
        }
        count(template, DeliveryStatus.SENT);
        events.publish(new NotificationSent(
                about.memberId(), about.programId(), notificationId, Channel.EMAIL, template, now, causationId));
        return Optional.of(DeliveryStatus.SENT);
    }

    private Optional<DeliveryStatus> skip(
            IntegrationEvent about, String notificationId, String template, String causationId, String reason,
            Instant now) {
        record(new NotificationDelivery(notificationId, about.memberId().value(), about.programId(), Channel.EMAIL,
                template, causationId, DeliveryStatus.SKIPPED, reason, null, now));
        count(template, DeliveryStatus.SKIPPED);
        return Optional.of(DeliveryStatus.SKIPPED);
    }

    private void compose(MimeMessage mime, String notificationId, String to, Email email) throws Exception {
        MimeMessageHelper message = new MimeMessageHelper(mime, false, "UTF-8");
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(email.subject());
        message.setText(email.body(), false);
        mime.setHeader("X-Loyalty-Notification-Id", notificationId);
    }

    private static String skipReason(ContactView contact) {
        if (contact.erased()) {
            return "member was erased";
        }
        if (!contact.emailConsent()) {
            return "member has not consented to email";
        }
        if (contact.email() == null || contact.email().isBlank()) {
            return "member has no email address";
        }
        return null;
    }

    /**
     * Flushed at once: the unique (cause, channel, template) row is claimed before any mail goes out,
     * so a concurrent second delivery of the same event waits here and then fails instead of mailing.
     */
    private NotificationDelivery record(NotificationDelivery delivery) {
        return deliveries.saveAndFlush(delivery);
    }

    /**
     * The server could not be reached, timed out or refused our credentials: nothing is wrong with
     * the message, so it is worth trying again. Anything else (a refused recipient, a rejected
     * message) is the server's answer about this message, and final.
     */
    static boolean isServerUnavailable(MailException e) {
        if (e instanceof MailAuthenticationException) {
            return true;
        }
        if (e instanceof MailSendException send) {
            for (Exception failure : send.getMessageExceptions()) {
                if (hasNetworkCause(failure)) {
                    return true;
                }
            }
        }
        return hasNetworkCause(e);
    }

    private static boolean hasNetworkCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    private void count(String template, DeliveryStatus status) {
        Counter.builder("loyalty.notification.deliveries")
                .description("Messages decided on, by channel, template and outcome")
                .tag("channel", Channel.EMAIL.name())
                .tag("template", template)
                .tag("status", status.name())
                .register(meters)
                .increment();
    }
}

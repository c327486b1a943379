package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.tier.TierChanged;
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
 * Emails a member whose tier changed, if they agreed to email, and records the delivery. Runs in the
 * transaction that consumes the TierChanged event: the delivery row, the NotificationSent or
 * NotificationFailed event (Axon's event store is the outbox) and the inbox entry commit together.
 * The delivery row is claimed before the mail goes out, so one TierChanged never mails twice.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
public class TierChangeNotifier {

    static final int MAX_REASON = 1024;

    private final NotificationDeliveryRepository deliveries;
    private final QueryGateway queries;
    private final EventGateway events;
    private final JavaMailSender mail;
    private final NotificationProperties properties;
    private final TierChangeEmailTemplate template;
    private final Clock clock;
    private final MeterRegistry meters;

    TierChangeNotifier(
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
        this.template = new TierChangeEmailTemplate(properties);
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param causationId the CloudEvent id of the TierChanged event
     * @return what became of the email; empty when this event was already handled
     */
    @Transactional
    public Optional<DeliveryStatus> notify(TierChanged change, String causationId) {
        if (deliveries.existsByCausationIdAndChannelAndTemplate(causationId, Channel.EMAIL, TierChangeEmailTemplate.NAME)) {
            return Optional.empty();
        }
        ContactView contact = queries.query(
                        new FindContact(change.memberId()), ResponseTypes.optionalInstanceOf(ContactView.class))
                .join()
                .orElseThrow(() -> new UnknownContactException(change.memberId()));
        String notificationId = UUID.randomUUID().toString();
        Instant now = clock.instant();

        String skipReason = skipReason(contact);
        if (skipReason != null) {
            record(new NotificationDelivery(notificationId, change.memberId().value(), change.programId(),
                    Channel.EMAIL, TierChangeEmailTemplate.NAME, causationId, DeliveryStatus.SKIPPED, skipReason,
                    null, now));
            count(DeliveryStatus.SKIPPED);
            return Optional.of(DeliveryStatus.SKIPPED);
        }

        NotificationDelivery delivery = record(new NotificationDelivery(notificationId, change.memberId().value(),
                change.programId(), Channel.EMAIL, TierChangeEmailTemplate.NAME, causationId, DeliveryStatus.SENT,
                null, contact.email(), now));
        Email email = template.render(contact.name(), change.fromTier(), change.toTier(), change.validUntil());
        try {
            mail.send(mime -> compose(mime, notificationId, contact.email(), email));
        } catch (MailException e) {
            if (isServerUnavailable(e)) {
                throw new MailServerUnavailableException(e);
            }
            String reason = truncate("SMTP server refused the message: " + e.getMessage());
            delivery.failed(reason, now);
            count(DeliveryStatus.FAILED);
            events.publish(new NotificationFailed(change.memberId(), change.programId(), notificationId,
                    Channel.EMAIL, TierChangeEmailTemplate.NAME, reason, now, causationId));
            return Optional.of(DeliveryStatus.FAILED);
        }
        count(DeliveryStatus.SENT);
        events.publish(new NotificationSent(change.memberId(), change.programId(), notificationId, Channel.EMAIL,
                TierChangeEmailTemplate.NAME, now, causationId));
        return Optional.of(DeliveryStatus.SENT);
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

    private void count(DeliveryStatus status) {
        Counter.builder("loyalty.notification.deliveries")
                .description("Messages decided on, by channel, template and outcome")
                .tag("channel", Channel.EMAIL.name())
                .tag("template", TierChangeEmailTemplate.NAME)
                .tag("status", status.name())
                .register(meters)
                .increment();
    }
}

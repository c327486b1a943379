package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.notification.contact.ContactView;
import com.loyaltysuite.notification.contact.FindContact;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
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
 * row, the DeliverySent or DeliveryFailed event (Axon's event store is the outbox) and the
 * inbox entry commit together. The delivery row is claimed before the mail goes out, so one event
 * never mails the same template twice. A member whose contact details are not known yet does not
 * hold up the partition: the delivery waits in the log for them ({@link ContactWaits}).
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
    private final ContactWaitTimer waitTimer;

    EmailNotifier(
            NotificationDeliveryRepository deliveries,
            QueryGateway queries,
            EventGateway events,
            JavaMailSender mail,
            NotificationProperties properties,
            Clock clock,
            MeterRegistry meters,
            ContactWaitTimer waitTimer) {
        this.deliveries = deliveries;
        this.queries = queries;
        this.events = events;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.waitTimer = waitTimer;
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
     * @return what became of the email ({@link DeliveryStatus#WAITING_FOR_CONTACT} when the member's
     *     contact details are not known yet); empty when this event was already handled for this template
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
        deliveries.lockMember(about.memberId().value());
        return Optional.of(decide(about, causationId, template, actBy, render, null));
    }

    /**
     * Decides a delivery that waited for the member's contact details, by the same rules as a fresh
     * one, in place of its row. Runs in the caller's transaction, which holds the member's lock.
     *
     * @return what became of the email; still {@link DeliveryStatus#WAITING_FOR_CONTACT} if the
     *     contact is not known after all
     */
    DeliveryStatus resume(
            NotificationDelivery waiting, IntegrationEvent about, Instant actBy, Function<String, Email> render) {
        return decide(about, waiting.causationId(), waiting.template(), actBy, render, waiting);
    }

    /** Gives up on a waiting delivery that cannot be resumed: skipped with {@code reason}, its timer cancelled. */
    void abandon(NotificationDelivery waiting, String reason) {
        waiting.decided(DeliveryStatus.SKIPPED, truncate(reason), null, clock.instant());
        waitTimer.stop(MemberId.of(waiting.memberId()), waiting.notificationId());
        deliveries.saveAndFlush(waiting);
        count(meters, waiting.template(), DeliveryStatus.SKIPPED);
    }

    /** @param waiting the row of a delivery that waited for the contact; null for a fresh event */
    private DeliveryStatus decide(
            IntegrationEvent about,
            String causationId,
            String template,
            Instant actBy,
            Function<String, Email> render,
            NotificationDelivery waiting) {
        String notificationId = waiting == null ? UUID.randomUUID().toString() : waiting.notificationId();
        Instant now = clock.instant();
        Outcome outcome = new Outcome(about, notificationId, template, causationId, now, waiting);
        if (actBy != null && !now.isBefore(actBy)) {
            return skip(outcome, "too late to act on: ended at " + actBy);
        }
        Optional<ContactView> found = queries.query(
                        new FindContact(about.memberId()), ResponseTypes.optionalInstanceOf(ContactView.class))
                .join();
        if (found.isEmpty()) {
            return waiting == null ? park(outcome) : DeliveryStatus.WAITING_FOR_CONTACT;
        }
        ContactView contact = found.get();

        String skipReason = skipReason(contact);
        if (skipReason != null) {
            return skip(outcome, skipReason);
        }

        NotificationDelivery delivery = record(outcome, DeliveryStatus.SENT, null, contact.email());
        Email email = render.apply(contact.name());
        try {
            mail.send(mime -> compose(mime, notificationId, contact.email(), email));
        } catch (MailException e) {
            if (isServerUnavailable(e)) {
                throw new MailServerUnavailableException(e);
            }
            String reason = truncate("SMTP server refused the message: " + e.getMessage());
            delivery.failed(reason, now);
            count(meters, template, DeliveryStatus.FAILED);
            events.publish(new DeliveryFailed(about.memberId(), about.programId(), notificationId, Channel.EMAIL,
                    template, reason, now, causationId));
            return DeliveryStatus.FAILED;
        }
        count(meters, template, DeliveryStatus.SENT);
        events.publish(new DeliverySent(
                about.memberId(), about.programId(), notificationId, Channel.EMAIL, template, now, causationId));
        return DeliveryStatus.SENT;
    }

    /**
     * No contact details yet: the delivery waits in the log, claiming its unique key (so a re-sent
     * event still counts once) and keeping the event, instead of holding up the partition. A timer
     * skips it if no registration comes within the configured wait.
     */
    private DeliveryStatus park(Outcome outcome) {
        Instant until = outcome.now().plus(properties.contactWait());
        IntegrationEvent about = outcome.about();
        record(NotificationDelivery.waiting(
                outcome.notificationId(),
                about.memberId().value(),
                about.programId(),
                Channel.EMAIL,
                outcome.template(),
                outcome.causationId(),
                "no contact details known yet; waiting for them until " + until,
                new String(CloudEventCodec.toJson(about), StandardCharsets.UTF_8),
                outcome.now()));
        waitTimer.start(about.memberId(), outcome.notificationId(), until);
        return DeliveryStatus.WAITING_FOR_CONTACT;
    }

    private DeliveryStatus skip(Outcome outcome, String reason) {
        record(outcome, DeliveryStatus.SKIPPED, reason, null);
        count(meters, outcome.template(), DeliveryStatus.SKIPPED);
        return DeliveryStatus.SKIPPED;
    }

    /** A new row for a fresh event; the waiting row, decided now and its timer cancelled, for a resumed one. */
    private NotificationDelivery record(Outcome outcome, DeliveryStatus status, String reason, String recipient) {
        NotificationDelivery waiting = outcome.waiting();
        if (waiting == null) {
            IntegrationEvent about = outcome.about();
            return record(new NotificationDelivery(outcome.notificationId(), about.memberId().value(),
                    about.programId(), Channel.EMAIL, outcome.template(), outcome.causationId(), status, reason,
                    recipient, outcome.now()));
        }
        waiting.decided(status, reason, recipient, outcome.now());
        waitTimer.stop(MemberId.of(waiting.memberId()), waiting.notificationId());
        return record(waiting);
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

    /** What a decision is about; {@code waiting} is the row of a resumed delivery, null for a fresh one. */
    private record Outcome(
            IntegrationEvent about,
            String notificationId,
            String template,
            String causationId,
            Instant now,
            NotificationDelivery waiting) {}

    static void count(MeterRegistry meters, String template, DeliveryStatus status) {
        Counter.builder("loyalty.notification.deliveries")
                .description("Messages decided on, by channel, template and outcome")
                .tag("channel", Channel.EMAIL.name())
                .tag("template", template)
                .tag("status", status.name())
                .register(meters)
                .increment();
    }
}

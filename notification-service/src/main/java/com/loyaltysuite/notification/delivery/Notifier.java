package com.loyaltysuite.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.notification.contact.ContactView;
import com.loyaltysuite.notification.contact.FindContact;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides the messages an event causes, one per channel its trigger uses, and records each in the
 * delivery log, in the transaction that consumes the event (with its inbox entry). Nothing leaves the
 * database here: a message to send is recorded {@link DeliveryStatus#PENDING}, with the event and the
 * facts to write it from, and its channel's {@link Dispatcher} sends it after the commit. So a
 * provider that is down or slow never holds up the partition, and a rolled-back batch never sent
 * anything. The id of each message is derived from the event id, the channel and the template
 * ({@link MessageIds}), so it is the same however often the event comes.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
public class Notifier {

    static final int MAX_REASON = 1024;

    private final NotificationDeliveryRepository deliveries;
    private final QueryGateway queries;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ContactWaitTimer waitTimer;
    private final ConsentPolicy consent;
    private final ObjectMapper json;

    Notifier(
            NotificationDeliveryRepository deliveries,
            QueryGateway queries,
            NotificationProperties properties,
            Clock clock,
            MeterRegistry meters,
            ContactWaitTimer waitTimer,
            ConsentPolicy consent,
            ObjectMapper json) {
        this.deliveries = deliveries;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.waitTimer = waitTimer;
        this.consent = consent;
        this.json = json;
    }

    /** A message that needs nothing but the event. */
    @Transactional
    public void notify(Trigger trigger, IntegrationEvent about, String causationId) {
        notify(trigger, about, causationId, Map.of());
    }

    /**
     * Decides the event's message on each channel of its trigger (unless the trigger is off, or the
     * event was already handled for that channel and template).
     *
     * @param facts what the message needs that the event does not carry, as of now (e.g. the balance
     *     after an order), kept with the message
     */
    @Transactional
    public void notify(Trigger trigger, IntegrationEvent about, String causationId, Map<String, String> facts) {
        if (!properties.enabled(trigger.name())) {
            return;
        }
        boolean locked = false;
        for (Channel channel : properties.channels(trigger.name())) {
            if (deliveries.existsByCausationIdAndChannelAndTemplate(causationId, channel, trigger.name())) {
                continue;
            }
            if (!locked) {
                deliveries.lockMember(about.memberId().value());
                locked = true;
            }
            decide(trigger, channel, about.memberId(), about.programId(), about, causationId, facts, null);
        }
    }

    /**
     * A message about the member rather than about an event (a birthday greeting): decided by the same
     * rules, on each channel of its trigger, once per {@code causationId} and channel, however often asked.
     * It never waits for contact details: without them it is skipped.
     */
    @Transactional
    public void notifyMember(
            Trigger trigger, MemberId member, String programId, String causationId, Map<String, String> facts) {
        if (!properties.enabled(trigger.name())) {
            return;
        }
        boolean locked = false;
        for (Channel channel : properties.channels(trigger.name())) {
            if (deliveries.existsByCausationIdAndChannelAndTemplate(causationId, channel, trigger.name())) {
                continue;
            }
            if (!locked) {
                deliveries.lockMember(member.value());
                locked = true;
            }
            decide(trigger, channel, member, programId, null, causationId, facts, null);
        }
    }

    /**
     * Decides a delivery that waited for the member's contact details, by the same rules as a fresh
     * one, in place of its row. Runs in the caller's transaction, which holds the member's lock.
     */
    DeliveryStatus resume(NotificationDelivery waiting, Trigger trigger, IntegrationEvent about) {
        return decide(trigger, waiting.channel(), about.memberId(), about.programId(), about, waiting.causationId(),
                readFacts(waiting.facts()), waiting);
    }

    /** Gives up on a waiting delivery that cannot be resumed: skipped with {@code reason}, its timer cancelled. */
    void abandon(NotificationDelivery waiting, String reason) {
        waiting.decided(DeliveryStatus.SKIPPED, truncate(reason), null, now());
        waitTimer.stop(MemberId.of(waiting.memberId()), waiting.notificationId());
        deliveries.saveAndFlush(waiting);
        count(meters, waiting.channel(), waiting.template(), DeliveryStatus.SKIPPED);
    }

    private DeliveryStatus decide(
            Trigger trigger,
            Channel channel,
            MemberId member,
            String programId,
            IntegrationEvent about,
            String causationId,
            Map<String, String> facts,
            NotificationDelivery waiting) {
        String notificationId =
                waiting == null ? MessageIds.of(causationId, channel, trigger.name()) : waiting.notificationId();
        Instant now = now();
        NotificationDelivery row = waiting != null
                ? waiting
                : new NotificationDelivery(notificationId, member.value(), programId, channel,
                        trigger.name(), causationId, DeliveryStatus.PENDING, null, null, now);
        Instant actBy = about == null ? null : trigger.actBy(about);
        if (actBy != null && !now.isBefore(actBy)) {
            return skip(row, "too late to act on: ended at " + actBy, now);
        }
        Optional<ContactView> found = queries.query(
                        new FindContact(MemberId.of(row.memberId())), ResponseTypes.optionalInstanceOf(ContactView.class))
                .join();
        if (found.isEmpty()) {
            if (about == null) {
                return skip(row, "member's contact details are not known", now);
            }
            return waiting == null ? park(row, trigger, about, facts, now) : DeliveryStatus.WAITING_FOR_CONTACT;
        }
        ContactView contact = found.get();
        String refusal = consent.refusal(contact, channel, trigger.purpose());
        if (refusal != null) {
            return skip(row, refusal, now);
        }
        // Quiet hours are kept in the member's own time zone, the programme's when they gave none.
        Instant notBefore = properties.quietHours().waitUntil(trigger.purpose(), now, contact.zone(properties.zone()));
        row.pending(consent.address(contact, channel), ceType(trigger, about), payload(about),
                writeFacts(facts), notBefore, now);
        stopWaiting(waiting);
        deliveries.saveAndFlush(row);
        return DeliveryStatus.PENDING;
    }

    /**
     * No contact details yet: the delivery waits in the log, claiming its unique key (so a re-sent
     * event still counts once) and keeping the event, instead of holding up the partition. A timer
     * skips it if no registration comes within the configured wait.
     */
    private DeliveryStatus park(
            NotificationDelivery row, Trigger trigger, IntegrationEvent about, Map<String, String> facts, Instant now) {
        Instant until = now.plus(properties.contactWait());
        deliveries.saveAndFlush(NotificationDelivery.waiting(
                row.notificationId(),
                row.memberId(),
                row.programId(),
                row.channel(),
                row.template(),
                row.causationId(),
                "no contact details known yet; waiting for them until " + until,
                trigger.eventType().ceType(),
                payload(about),
                writeFacts(facts),
                now));
        waitTimer.start(about.memberId(), row.notificationId(), until);
        return DeliveryStatus.WAITING_FOR_CONTACT;
    }

    private DeliveryStatus skip(NotificationDelivery row, String reason, Instant now) {
        boolean wasWaiting = row.waiting();
        row.decided(DeliveryStatus.SKIPPED, truncate(reason), null, now);
        if (wasWaiting) {
            stopWaiting(row);
        }
        deliveries.saveAndFlush(row);
        count(meters, row.channel(), row.template(), DeliveryStatus.SKIPPED);
        return DeliveryStatus.SKIPPED;
    }

    private void stopWaiting(NotificationDelivery waiting) {
        if (waiting != null) {
            waitTimer.stop(MemberId.of(waiting.memberId()), waiting.notificationId());
        }
    }

    /** Microseconds, as PostgreSQL keeps them, so an instant read back is the instant written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String payload(IntegrationEvent about) {
        return about == null ? null : new String(CloudEventCodec.toJson(about), StandardCharsets.UTF_8);
    }

    private static String ceType(Trigger trigger, IntegrationEvent about) {
        return about == null ? null : trigger.eventType().ceType();
    }

    /**
     * Records an {@link OperationalMessage} by email to {@code recipients}, in the caller's transaction;
     * {@code addressee} stands where a member id would ({@code merchants}, {@code operations}).
     */
    void recordForRecipients(
            OperationalMessage message,
            String notificationId,
            String addressee,
            String programId,
            String cause,
            List<String> recipients,
            Map<String, String> facts,
            Instant now) {
        NotificationDelivery row = new NotificationDelivery(notificationId, addressee, programId, Channel.EMAIL,
                message.name(), cause, DeliveryStatus.PENDING, null, null, now);
        row.pending(String.join(",", recipients), null, null, writeFacts(facts), null, now);
        deliveries.saveAndFlush(row);
    }

    String writeFacts(Map<String, String> facts) {
        if (facts == null || facts.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("facts cannot be written as JSON", e);
        }
    }

    Map<String, String> readFacts(String facts) {
        if (facts == null || facts.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(facts, json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("facts cannot be read: " + facts, e);
        }
    }

    static String truncate(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    static void count(MeterRegistry meters, Channel channel, String template, DeliveryStatus status) {
        Counter.builder("loyalty.notification.deliveries")
                .description("Messages decided on, by channel, template (trigger) and outcome")
                .tag("channel", channel.name())
                .tag("template", template)
                .tag("status", status.name())
                .register(meters)
                .increment();
    }
}

package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.notification.channel.OutgoingMessage;
import com.loyaltysuite.notification.channel.ResilienceSettings;
import com.loyaltysuite.notification.channel.ResilientProvider;
import com.loyaltysuite.notification.channel.SendResult;
import com.loyaltysuite.notification.contact.ContactView;
import com.loyaltysuite.notification.contact.FindContact;
import com.loyaltysuite.support.transactions.RootUnitOfWork;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one channel's messages, outside any transaction the consumer holds, in three steps per
 * message: claim ({@link DeliveryQueue#claim}, committed), send (through the channel's
 * {@link ResilientProvider}), record the outcome ({@link DeliveryQueue#settle} and
 * {@code DeliverySent}/{@code DeliveryFailed}, one transaction per message). Each channel has its own
 * dispatcher on its own thread, so a provider that hangs delays only its own channel.
 *
 * <p>Before sending, the member's consent is asked again (a withdrawal or an erasure applies to a
 * message already waiting), a warning whose deadline passed is skipped, and a marketing message
 * claimed in quiet hours (in the member's own time zone) goes back to wait for their end. A transient failure puts the message back
 * with a back-off and jitter ({@link ResilienceSettings#backoff}); only that message: the others of
 * the batch are recorded each on its own. A crash between send and record leaves the claim, which is
 * taken again once stale and sent under the same id, the provider's idempotency key.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final ResilientProvider provider;
    private final DeliveryQueue queue;
    private final Triggers triggers;
    private final MessageTemplates templates;
    private final ConsentPolicy consent;
    private final QueryGateway queries;
    private final EventGateway events;
    private final RootUnitOfWork unitOfWork;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Notifier notifier;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TaskExecutor workers;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public Dispatcher(
            ResilientProvider provider,
            DeliveryQueue queue,
            Triggers triggers,
            MessageTemplates templates,
            ConsentPolicy consent,
            QueryGateway queries,
            EventGateway events,
            RootUnitOfWork unitOfWork,
            TransactionTemplate transactions,
            NotificationProperties properties,
            Notifier notifier,
            Clock clock,
            MeterRegistry meters,
            TaskExecutor workers) {
        this.provider = provider;
        this.queue = queue;
        this.triggers = triggers;
        this.templates = templates;
        this.consent = consent;
        this.queries = queries;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.transactions = transactions;
        this.properties = properties;
        this.notifier = notifier;
        this.clock = clock;
        this.meters = meters;
        this.workers = workers;
        Gauge.builder("loyalty.notification.deliveries.oldest.waiting", this, Dispatcher::oldestWaitingSeconds)
                .description("Age of the oldest message that is due and not sent yet")
                .baseUnit("seconds")
                .tag("channel", channel().name())
                .register(meters);
    }

    public Channel channel() {
        return provider.channel();
    }

    /**
     * Rounds back to back for as long as each claims a full batch, so that a backlog goes out as fast
     * as the provider's rate limiter and bulkhead let it, not one batch per poll interval (50 every
     * 500 ms would cap a channel at 100 messages/s whatever its quota). Ends when a round leaves
     * nothing more due, the breaker is open, or the service is stopping.
     *
     * @return how many messages were claimed in all
     */
    public int drain() {
        return whileFull(this::dispatch, properties.dispatch().batchSize(), stopping::get);
    }

    /** No further round starts; the one under way finishes. */
    public void stop() {
        stopping.set(true);
    }

    /** Rounds follow each other again (after a {@link #stop}). */
    public void resume() {
        stopping.set(false);
    }

    static int whileFull(IntSupplier round, int batchSize, BooleanSupplier stop) {
        int total = 0;
        int claimed;
        do {
            claimed = round.getAsInt();
            total += claimed;
        } while (claimed >= batchSize && !stop.getAsBoolean());
        return total;
    }

    /**
     * One round: claims what is due and sends it, each message on its own. Nothing is claimed while
     * the channel's circuit breaker is open: the messages wait in the table, untouched.
     *
     * @return how many messages were claimed
     */
    public int dispatch() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            if (provider.open()) {
                return 0;
            }
            Instant now = now();
            Instant staleBefore = now.minus(properties.dispatch().staleClaimAfter());
            List<DeliveryQueue.Claimed> claimed = transactions.execute(
                    status -> queue.claim(channel(), now, staleBefore, properties.dispatch().batchSize()));
            if (claimed == null || claimed.isEmpty()) {
                return 0;
            }
            log.debug("Claimed {} {} messages", claimed.size(), channel());
            List<CompletableFuture<Void>> sending = new ArrayList<>();
            for (DeliveryQueue.Claimed message : claimed) {
                sending.add(CompletableFuture.runAsync(() -> deliver(message), workers));
            }
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            return claimed.size();
        } catch (RuntimeException | Error e) {
            log.warn("Dispatching {} messages failed; the claims are taken again once stale", channel(), e);
            return 0;
        } finally {
            running.set(false);
        }
    }

    /** Sends one claimed message and records what became of it. Never throws. */
    void deliver(DeliveryQueue.Claimed message) {
        try {
            Optional<Trigger> trigger = triggers.named(message.template());
            if (trigger.isEmpty()) {
                settle(message, DeliveryStatus.SKIPPED, "template " + message.template() + " is no longer sent", null, null);
                return;
            }
            if (!trigger.get().toMembers()) {
                deliverToRecipients(message, trigger.get());
                return;
            }
            // A message about no event (a birthday greeting) has none stored.
            IntegrationEvent event = message.eventType() == null
                    ? null
                    : CloudEventCodec.parseData(
                            EventType.fromCeType(message.eventType()).orElseThrow(),
                            message.payload().getBytes(StandardCharsets.UTF_8));
            Instant now = now();
            Instant actBy = event == null ? null : trigger.get().actBy(event);
            if (actBy != null && !now.isBefore(actBy)) {
                settle(message, DeliveryStatus.SKIPPED, "too late to act on: ended at " + actBy, null, null);
                return;
            }
            Optional<ContactView> contact = queries.query(
                            new FindContact(MemberId.of(message.memberId())),
                            ResponseTypes.optionalInstanceOf(ContactView.class))
                    .join();
            String refusal = contact.isEmpty()
                    ? "member's contact details are no longer known"
                    : consent.refusal(contact.get(), channel(), trigger.get().purpose());
            if (refusal != null) {
                settle(message, DeliveryStatus.SKIPPED, refusal, null, null);
                return;
            }
            ZoneId zone = contact.get().zone(properties.zone());
            Instant quietUntil = properties.quietHours().waitUntil(trigger.get().purpose(), now, zone);
            if (quietUntil != null) {
                settle(message, DeliveryStatus.PENDING, "waits for the end of quiet hours at " + quietUntil, null, quietUntil);
                return;
            }
            String address = consent.address(contact.get(), channel());
            OutgoingMessage outgoing = write(message, trigger.get(), event, contact.get(), address, zone);
            SendResult result = provider.send(outgoing);
            record(message, address, result);
        } catch (RuntimeException e) {
            log.warn("Could not send {} message {}; it is tried again", channel(), message.notificationId(), e);
            retryLater(message, "could not be sent: " + e.getMessage());
        }
    }

    /** A message to configured recipients (the daily report): written from its facts alone. */
    private void deliverToRecipients(DeliveryQueue.Claimed message, Trigger trigger) {
        Map<String, Object> variables = new LinkedHashMap<>(trigger.variables(null, notifier.readFacts(message.facts()), properties.zone()));
        MessageTemplates.Rendered rendered = templates.render(trigger.name(), channel(), properties.locale(), variables);
        SendResult result = provider.send(new OutgoingMessage(
                message.notificationId(), message.recipient(), trigger.name(), rendered.subject(), rendered.text(), Map.of()));
        record(message, message.recipient(), result);
    }

    private OutgoingMessage write(
            DeliveryQueue.Claimed message,
            Trigger trigger,
            IntegrationEvent event,
            ContactView contact,
            String address,
            ZoneId zone) {
        Map<String, String> facts = notifier.readFacts(message.facts());
        Map<String, Object> variables = new LinkedHashMap<>(trigger.variables(event, facts, zone));
        String name = contact.name() == null || contact.name().isBlank() ? "会员" : contact.name();
        variables.putIfAbsent("name", name);
        variables.putIfAbsent("greeting", EmailText.greeting(contact.name()));
        MessageTemplates.Rendered rendered = trigger.writtenInCode(channel(), contact.name(), event, zone)
                .orElseGet(() -> templates.render(trigger.name(), channel(), properties.locale(), variables));
        Map<String, String> params = new LinkedHashMap<>();
        variables.forEach((key, value) -> {
            if (value instanceof String || value instanceof Number) {
                params.put(key, String.valueOf(value));
            }
        });
        params.remove("greeting");
        if (channel() == Channel.SMS) {
            DistributionSummary.builder("loyalty.notification.sms.segments")
                    .description("Segments per SMS sent")
                    .tag("template", trigger.name())
                    .register(meters)
                    .record(SmsText.segments("【" + properties.sms().signName() + "】" + rendered.text()));
        }
        return new OutgoingMessage(
                message.notificationId(), address, trigger.name(), rendered.subject(), rendered.text(), params);
    }

    private void record(DeliveryQueue.Claimed message, String address, SendResult result) {
        if (result instanceof SendResult.Sent) {
            settle(message, DeliveryStatus.SENT, null, address, null);
        } else if (result instanceof SendResult.Rejected rejected) {
            settle(message, DeliveryStatus.FAILED, rejected.reason(), address, null);
        } else if (result instanceof SendResult.Unavailable unavailable) {
            retryLater(message, unavailable.reason());
        }
    }

    /**
     * A transient failure: back in the queue after a back-off with jitter, or failed for good once
     * the message is older than {@code give-up-after}.
     */
    private void retryLater(DeliveryQueue.Claimed message, String reason) {
        ResilienceSettings settings = provider.settings();
        Instant now = now();
        if (now.isAfter(message.recordedAt().plus(settings.giveUpAfter()))) {
            settle(message, DeliveryStatus.FAILED, "gave up after " + message.attempts() + " tries: " + reason, null, null);
            return;
        }
        Instant next = now.plus(settings.backoff(message.attempts(), ThreadLocalRandom.current().nextDouble()));
        settle(message, DeliveryStatus.PENDING, "try " + message.attempts() + " failed: " + reason, null, next);
    }

    private void settle(
            DeliveryQueue.Claimed message, DeliveryStatus status, String reason, String recipient, Instant notBefore) {
        try {
            Instant at = now();
            boolean settled = unitOfWork.execute("settle " + message.notificationId(), () -> {
                if (!queue.settle(message, status, reason, recipient, notBefore, at)) {
                    return false;
                }
                MemberId member = MemberId.of(message.memberId());
                if (status == DeliveryStatus.SENT) {
                    events.publish(new DeliverySent(member, message.programId(), message.notificationId(), channel(),
                            message.template(), at, message.causationId()));
                } else if (status == DeliveryStatus.FAILED) {
                    events.publish(new DeliveryFailed(member, message.programId(), message.notificationId(), channel(),
                            message.template(), Notifier.truncate(reason), at, message.causationId()));
                }
                return true;
            });
            if (settled && status != DeliveryStatus.PENDING) {
                Notifier.count(meters, channel(), message.template(), status);
            }
        } catch (RuntimeException e) {
            // The claim stays; once stale it is taken again and sent under the same id.
            log.warn("Could not record the outcome of {} message {}", channel(), message.notificationId(), e);
        }
    }

    private double oldestWaitingSeconds() {
        try {
            return queue.oldestWaitingSeconds(channel(), now());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

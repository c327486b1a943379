package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.support.inbox.Inbox;
import com.loyaltysuite.support.transactions.RootUnitOfWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The one way a service applies Kafka records: a whole poll batch at a time (DESIGN, "Performance
 * budget"). Records of types no handler wants are passed over on their {@code ce_type} header,
 * undecoded. The rest are decoded and validated, then applied in ONE root unit of work owning ONE
 * transaction: the batch's inbox rows in one statement, then every handler, whose commands nest in
 * the unit of work (each aggregate loaded once, all events appended together).
 *
 * <p>If anything in the batch fails, nothing of it is kept and the batch is applied again record by
 * record, each in its own transaction; the first record that still fails is named in a {@link
 * BatchListenerFailedException}, so the records before it are committed, it alone is retried or
 * dead-lettered ({@link DeadLetterConfiguration}), and the records after it come again. A record
 * applied twice this way is a duplicate to the inbox and changes nothing.
 *
 * <p>Meters, all tagged with the record's {@code topic}: {@code loyalty.events.consumed} (by
 * {@code type} and {@code outcome}); {@code loyalty.events.processing}, the time to apply one poll
 * batch (decoding, the transaction, the retry record by record if it failed), one sample per batch
 * and topic in it, since the batch is the unit of work and a per-record share of it would be made
 * up; {@code loyalty.events.age}, per record applied the first time (not duplicates), the wall time
 * from the event's own CloudEvents {@code time} to its commit here: end-to-end lag. Both timers
 * publish Prometheus histograms with bounded buckets (min/max expected values).
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    private static final String CE_TYPE = "ce_type";

    private final Inbox inbox;
    private final RootUnitOfWork unitOfWork;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Clock wallClock;
    private final String meterName;

    /**
     * @param wallClock the real time, for the events' age: not the business clock, which tests may
     *     fix or shift
     */
    public InboundEvents(
            Inbox inbox, RootUnitOfWork unitOfWork, DeadLetters deadLetters, MeterRegistry meters, Clock wallClock) {
        this.inbox = inbox;
        this.unitOfWork = unitOfWork;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.wallClock = wallClock;
        this.meterName = "loyalty.events.consumed";
    }

    /** Applies a poll batch; see the class comment for what happens on failure. */
    public void apply(List<ConsumerRecord<String, byte[]>> records, InboundHandlers handlers) {
        Timer.Sample sample = Timer.start(meters);
        Set<String> topics = new LinkedHashSet<>();
        try {
            applyTimed(records, handlers, topics);
        } finally {
            for (String topic : topics) {
                sample.stop(processingTimer(topic));
            }
        }
    }

    private void applyTimed(List<ConsumerRecord<String, byte[]>> records, InboundHandlers handlers, Set<String> topics) {
        List<Wanted> wanted = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            String ceType = ceType(record);
            Optional<InboundHandlers.Registration<?>> registration =
                    ceType == null ? Optional.empty() : handlers.forCeType(ceType);
            if (registration.isEmpty() && isKnown(ceType)) {
                counter(record.topic(), ceType, "ignored").increment();
            } else {
                wanted.add(new Wanted(i, record, registration));
                topics.add(record.topic());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        if (!handlers.transactionPerRecord() && wanted.size() > 1) {
            try {
                List<Decoded> decoded = wanted.stream().map(Wanted::decode).toList();
                finish(decoded, applyInOneTransaction(decoded));
                return;
            } catch (RuntimeException batchFailure) {
                log.debug("Batch of {} records failed; applying them one by one", wanted.size(), batchFailure);
            }
        }
        for (Wanted one : wanted) {
            try {
                Decoded decoded = one.decode();
                finish(List.of(decoded), applyInOneTransaction(List.of(decoded)));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, one.index());
            }
        }
    }

    /**
     * A type this suite knows but no handler wants is passed over; an unknown or missing type is
     * decoded anyway, so that the codec rejects it with its reason.
     */
    private static boolean isKnown(String ceType) {
        return ceType != null && EventType.fromCeType(ceType).isPresent();
    }

    private List<Applied> applyInOneTransaction(List<Decoded> batch) {
        String what = "apply " + batch.size() + " record(s) from " + batch.get(0).record().topic();
        return unitOfWork.execute(what, () -> {
            List<Inbox.Entry> entries = batch.stream().map(Decoded::inboxEntry).toList();
            Set<Inbox.Entry> firsts = inbox.firstDeliveries(entries);
            List<Applied> applied = new ArrayList<>(batch.size());
            for (Decoded decoded : batch) {
                // removal: an id repeated within the batch is applied once
                boolean first = firsts.remove(decoded.inboxEntry());
                Outcome outcome = first ? decoded.apply() : null;
                applied.add(new Applied(decoded, outcome));
            }
            return applied;
        });
    }

    /** After the commit: count, and dead-letter what the handlers rejected (their state change is kept). */
    private void finish(List<Decoded> batch, List<Applied> applied) {
        Instant committed = wallClock.instant();
        for (Applied one : applied) {
            String type = one.decoded().envelope().type().ceType();
            String topic = one.decoded().record().topic();
            if (one.outcome() == null) {
                counter(topic, type, "duplicate").increment();
                continue;
            }
            Duration age = Duration.between(one.decoded().envelope().time().toInstant(), committed);
            ageTimer(topic).record(age.isNegative() ? Duration.ZERO : age); // a producer's clock ahead of ours
            if (one.outcome().isRejected()) {
                counter(topic, type, "rejected").increment();
                deadLetters.send(one.decoded().record(), new RejectedEventException(one.outcome().rejection()));
            } else {
                counter(topic, type, "applied").increment();
            }
        }
    }

    private static String ceType(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CE_TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Counter counter(String topic, String type, String outcome) {
        return Counter.builder(meterName)
                .description("Events consumed from Kafka, by topic, type and outcome")
                .tag("topic", topic)
                .tag("type", type == null ? "unknown" : type)
                .tag("outcome", outcome)
                .register(meters);
    }

    private Timer processingTimer(String topic) {
        return Timer.builder("loyalty.events.processing")
                .description("Time to apply one poll batch of a topic's records, in one transaction")
                .tag("topic", topic)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }

    private Timer ageTimer(String topic) {
        return Timer.builder("loyalty.events.age")
                .description("From an event's own time (CloudEvents time) to its commit here: end-to-end lag")
                .tag("topic", topic)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(meters);
    }

    /** A record to apply; {@code registration} is empty only for a type the codec will reject. */
    private record Wanted(
            int index, ConsumerRecord<String, byte[]> record, Optional<InboundHandlers.Registration<?>> registration) {

        /** Throws {@link com.loyaltysuite.events.codec.InvalidEventException} naming what is wrong. */
        Decoded decode() {
            EventEnvelope<IntegrationEvent> envelope = CloudEventCodec.fromRecord(record);
            return new Decoded(record, envelope, registration.orElseThrow());
        }
    }

    private record Decoded(
            ConsumerRecord<String, byte[]> record,
            EventEnvelope<IntegrationEvent> envelope,
            InboundHandlers.Registration<?> registration) {

        Inbox.Entry inboxEntry() {
            return new Inbox.Entry(registration.reaction(), envelope.id(), record.topic());
        }

        Outcome apply() {
            return registration.apply(envelope.data(), envelope.id());
        }
    }

    private record Applied(Decoded decoded, Outcome outcome) {}
}

package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The transactional outbox, with Axon's event store as the outbox table: a tracking processor reads
 * every event the service committed and publishes its contract form to Kafka. The processor's token
 * advances only after Kafka acknowledged, so nothing committed is lost and nothing rolled back is
 * sent. After a crash an event may be sent again with the same {@code ce_id} (the Axon event id),
 * which consumers deduplicate.
 */
@ProcessingGroup(IntegrationEventRelay.PROCESSING_GROUP)
public class IntegrationEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";

    private final IntegrationEventMapper mapper;
    private final KafkaOperations<String, byte[]> kafka;
    private final URI source;
    private final Timer publishTimer;

    public IntegrationEventRelay(
            IntegrationEventMapper mapper, KafkaOperations<String, byte[]> kafka, String serviceName, MeterRegistry meters) {
        this.mapper = mapper;
        this.kafka = kafka;
        this.source = URI.create("/loyalty/" + serviceName + "-service");
        this.publishTimer = Timer.builder("loyalty." + serviceName + ".events.published")
                .description("Contract events published to Kafka by the outbox relay")
                .publishPercentileHistogram()
                .register(meters);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) throws InterruptedException {
        var event = mapper.toIntegrationEvent(payload);
        if (event.isEmpty()) {
            return;
        }
        var envelope = new EventEnvelope<>(
                message.getIdentifier(), source, message.getTimestamp().atOffset(ZoneOffset.UTC), event.get());
        long start = System.nanoTime();
        try {
            kafka.send(CloudEventCodec.toRecord(envelope)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Propagates to the processor, which retries from this event: never skipped.
            throw new RelayPublishException("Kafka did not acknowledge " + envelope.type().ceType() + " " + envelope.id(), e);
        }
        publishTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}

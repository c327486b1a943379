package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The transactional outbox, with Axon's event store as the outbox table: a tracking processor reads
 * every event the service committed and publishes its contract form to Kafka, a batch at a time. The
 * processor's token advances only after Kafka acknowledged every event of the batch, so nothing
 * committed is lost and nothing rolled back is sent. After a crash an event may be sent again with the same {@code ce_id} (the Axon event id),
 * which consumers deduplicate.
 */
@ProcessingGroup(IntegrationEventRelay.PROCESSING_GROUP)
public class IntegrationEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING_SENDS = IntegrationEventRelay.class.getName() + ".pendingSends";

    private final IntegrationEventMapper mapper;
    private final KafkaOperations<String, byte[]> kafka;
    private final URI source;
    private final MeterRegistry meters;
    private final Timer relayLag;

    public IntegrationEventRelay(
            IntegrationEventMapper mapper, KafkaOperations<String, byte[]> kafka, String serviceName, MeterRegistry meters) {
        this.mapper = mapper;
        this.kafka = kafka;
        this.source = URI.create("/loyalty/" + serviceName + "-service");
        this.meters = meters;
        this.relayLag = Timer.builder("loyalty.events.relay.lag")
                .description("From an event's commit to its acknowledgement by Kafka: how far the outbox relay trails")
                .publishPercentileHistogram()
                .register(meters);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        var event = mapper.toIntegrationEvent(payload);
        if (event.isEmpty()) {
            return;
        }
        var envelope = new EventEnvelope<>(
                message.getIdentifier(), source, message.getTimestamp().atOffset(ZoneOffset.UTC), event.get());
        long start = System.nanoTime();
        var record = CloudEventCodec.toRecord(envelope);
        Timer publishTimer = publishTimer(record.topic(), envelope.type().ceType());
        CompletableFuture<?> sent = kafka.send(record)
                .whenComplete((result, error) -> {
                    publishTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    if (error == null) {
                        relayLag.record(Duration.between(message.getTimestamp(), Instant.now()).abs());
                    }
                });
        sendsOf(CurrentUnitOfWork.get()).add(new PendingSend(envelope.type().ceType() + " " + envelope.id(), sent));
    }

    /** Per topic and type: a relay publishes a few types, so the series stay few. */
    private Timer publishTimer(String topic, String type) {
        return Timer.builder("loyalty.events.published")
                .description("Contract events published to Kafka by the outbox relay, by topic and type")
                .tag("topic", topic)
                .tag("type", type)
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * The sends of one batch of events, awaited once before the batch's token is stored: Kafka
     * pipelines them (the idempotent producer keeps their order), and if any is not acknowledged the
     * batch's transaction fails, the token stays where it was and the whole batch is sent again.
     */
    private List<PendingSend> sendsOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(PENDING_SENDS, key -> {
            List<PendingSend> sends = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(uow -> awaitAll(sends));
            return sends;
        });
    }

    private static void awaitAll(List<PendingSend> sends) {
        for (PendingSend send : sends) {
            try {
                send.future().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RelayPublishException("Interrupted while waiting for Kafka to acknowledge " + send.what(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new RelayPublishException("Kafka did not acknowledge " + send.what(), e);
            }
        }
    }

    private record PendingSend(String what, CompletableFuture<?> future) {}
}

package com.loyaltysuite.testsupport;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes contract events as one of our services' relays does (CloudEvents binary mode, key =
 * member id), so a service can be tested against its upstream without running it.
 */
public final class ServicePublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public ServicePublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Publishes with a new event id, which it returns. {@code source} is e.g. {@code /loyalty/tier-service}. */
    public String publish(String source, IntegrationEvent event) {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, source, event);
        return eventId;
    }

    public void publish(String eventId, String source, IntegrationEvent event) {
        var envelope = new EventEnvelope<>(eventId, URI.create(source), OffsetDateTime.now(ZoneOffset.UTC), event);
        send(CloudEventCodec.toRecord(envelope));
    }

    /** Sends a record as given, e.g. a broken one for a dead-letter test. */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

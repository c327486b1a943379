package com.loyaltysuite.events.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.loyaltysuite.events.IntegrationEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Maps contract events to and from Kafka records in CloudEvents 1.0 binary mode: {@code ce_*}
 * headers, {@code content-type: application/json}, JSON data, key = member id. Use it with
 * {@code StringSerializer}/{@code ByteArraySerializer} (and the matching deserializers).
 */
public final class CloudEventCodec {

    public static final String CONTENT_TYPE = "application/json";

    private CloudEventCodec() {}

    /** The record to publish: topic from the event type, key and subject = member id. */
    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope<?> envelope) {
        EventType type = envelope.type();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withType(type.ceType())
                .withSource(envelope.source())
                .withSubject(envelope.subject())
                .withTime(envelope.time().withOffsetSameInstant(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withData(toJson(envelope.data()))
                .build();
        return KafkaMessageFactory.createWriter(type.topic(), envelope.subject()).writeBinary(event);
    }

    /** The event's data as contract JSON. */
    public static byte[] toJson(IntegrationEvent event) {
        try {
            return EventJson.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads and validates a record. Throws {@link InvalidEventException}, naming what is wrong, when
     * the envelope is broken, the type unknown, the data violates its schema, or the key or subject
     * disagrees with the data's member id.
     */
    public static EventEnvelope<IntegrationEvent> fromRecord(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new InvalidEventException("Not a CloudEvents 1.0 record", e);
        }
        EventType type = EventType.fromCeType(event.getType())
                .orElseThrow(() -> new InvalidEventException("Unknown ce_type '" + event.getType() + "'", List.of()));
        IntegrationEvent data = parseData(type, event.getData());
        String memberId = data.memberId().value();
        if (event.getSubject() == null || !event.getSubject().equals(memberId)) {
            throw new InvalidEventException(
                    "ce_subject '" + event.getSubject() + "' is not the data's memberId '" + memberId + "'", List.of());
        }
        if (record.key() != null && !record.key().equals(memberId)) {
            throw new InvalidEventException(
                    "record key '" + record.key() + "' is not the data's memberId '" + memberId + "'", List.of());
        }
        OffsetDateTime time = event.getTime() == null
                ? OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC)
                : event.getTime();
        return new EventEnvelope<>(event.getId(), event.getSource(), time, data);
    }

    /** Validates JSON against the type's schema, then maps it to the type's record. */
    public static IntegrationEvent parseData(EventType type, CloudEventData data) {
        if (data == null) {
            throw new InvalidEventException(type.ceType() + " has no data", List.of());
        }
        return parseData(type, data.toBytes());
    }

    public static IntegrationEvent parseData(EventType type, byte[] json) {
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new InvalidEventException(type.ceType() + " data is not JSON", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException(type.ceType() + " data is not a JSON object", List.of());
        }
        List<String> violations = EventSchemas.violations(type, tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.ceType() + " violates its schema", violations);
        }
        try {
            return EventJson.mapper().treeToValue(tree, type.javaType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException(type.ceType() + " data cannot be read", e);
        }
    }
}

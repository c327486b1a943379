package com.loyaltysuite.support.messaging;

import com.loyaltysuite.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Sends a record to {@code <topic>.DLT} with its reason and counts it in
 * {@code loyalty.<service>.events.dead.lettered}: the one way a consumer gives up on a record, whether
 * the error handler or the listener itself decides so.
 *
 * <p>A dead letter must always fit where it goes, or the record it stands for is retried forever and
 * its partition stalls. So the reason is the cause's class and its message cut to
 * {@value #MAX_REASON_CHARS} characters, with no stack trace; and a record too large for the topic once
 * its reason is added (or refused by the broker as too large) is kept in the service's
 * {@code dead_letter} table instead, tagged {@code to=table} on the meter.
 */
public class DeadLetters {

    /** How much of a failure's message a dead letter carries. */
    public static final int MAX_REASON_CHARS = 1_000;

    /** Room left for the reason headers and the record's framing within the producer's request limit. */
    static final int HEADROOM_BYTES = 8 * 1024;

    private final DeadLetterPublishingRecoverer publisher;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final String meterName;
    private final int maxRecordBytes;

    public DeadLetters(
            KafkaOperations<?, ?> template, JdbcTemplate jdbc, MeterRegistry meters, int maxRequestBytes) {
        // Partition -1: let the key choose, so a DLT may have fewer partitions than its source topic.
        this.publisher = new DeadLetterPublishingRecoverer(
                template, (record, ex) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        this.publisher.setExceptionHeadersCreator(DeadLetters::reasonHeaders);
        this.publisher.setStripPreviousExceptionHeaders(true);
        this.jdbc = jdbc;
        this.meters = meters;
        this.meterName = "loyalty.events.dead.lettered";
        this.maxRecordBytes = maxRequestBytes - HEADROOM_BYTES;
    }

    /** Publishes and waits for the broker's acknowledgement, or keeps the record in the table; throws if neither works. */
    public void send(ConsumerRecord<?, ?> record, Exception reason) {
        Throwable cause = rootCause(reason);
        if (sizeOf(record) > maxRecordBytes) {
            keep(record, cause);
            return;
        }
        try {
            publisher.accept(record, reason);
        } catch (RuntimeException e) {
            if (!causedBy(e, RecordTooLargeException.class)) {
                throw e;
            }
            keep(record, cause);
            return;
        }
        count(record, cause, "topic");
    }

    private void keep(ConsumerRecord<?, ?> record, Throwable cause) {
        jdbc.update(
                "insert into dead_letter (topic, kafka_partition, kafka_offset, record_key, event_id, event_type,"
                        + " reason, headers, payload, size_bytes, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        // a second attempt at the same record (a retried recovery) keeps the first row
                        + " on conflict (topic, kafka_partition, kafka_offset) do nothing",
                record.topic(),
                record.partition(),
                record.offset(),
                record.key() == null ? null : String.valueOf(record.key()),
                header(record.headers(), "ce_id"),
                header(record.headers(), "ce_type"),
                reasonOf(cause),
                headersAsText(record.headers()),
                record.value() instanceof byte[] bytes ? bytes : null,
                sizeOf(record),
                Timestamp.from(Instant.now()));
        count(record, cause, "table");
    }

    private void count(ConsumerRecord<?, ?> record, Throwable cause, String to) {
        Counter.builder(meterName)
                .description("Records given up on, by source topic, reason and where they were kept (DLT topic or table)")
                .tag("topic", record.topic())
                .tag("reason", cause.getClass().getSimpleName())
                .tag("to", to)
                .register(meters)
                .increment();
    }

    /** The reason a dead letter carries: class and message, cut short; never a stack trace. */
    static String reasonOf(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() <= MAX_REASON_CHARS ? message : message.substring(0, MAX_REASON_CHARS - 1) + "…";
    }

    private static void reasonHeaders(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
        Throwable cause = rootCause(exception);
        headers.add(names.getExceptionInfo().getExceptionFqcn(), cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(names.getExceptionInfo().getExceptionMessage(), reasonOf(cause).getBytes(StandardCharsets.UTF_8));
    }

    static int sizeOf(ConsumerRecord<?, ?> record) {
        int size = Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The record's headers as JSON text, values as UTF-8 and each cut to a readable length. */
    private static String headersAsText(Headers headers) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Header header : headers) {
            String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            text.put(header.key(), value.length() > 256 ? value.substring(0, 256) + "…" : value);
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{}";
        }
    }

    private static boolean causedBy(Throwable ex, Class<?> marker) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (marker.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null
                && (t instanceof ListenerExecutionFailedException
                        || t instanceof org.springframework.kafka.listener.BatchListenerFailedException
                        || t.getClass().getName().contains("LinkedException"))) {
            t = t.getCause();
        }
        return t;
    }
}

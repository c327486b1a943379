package com.loyaltysuite.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the services published, read as any downstream team would: a plain consumer of
 * {@code loyalty.points.v1} and {@code loyalty.tiers.v1}, {@code read_committed}, from the beginning.
 * Each PointsEarned is filed by its order, each PointsReversed by its refund, each TierChanged by
 * (member, from, to), with the distinct event ids seen for it: one id is one event however often it
 * was delivered; two ids are a double.
 */
final class OutputReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private final Map<String, Set<String>> earned = new HashMap<>();
    private final Map<String, Set<String>> reversed = new HashMap<>();
    private final Map<String, Set<String>> tierChanges = new HashMap<>();
    private final Map<String, Set<String>> tierChangesByMember = new HashMap<>();

    OutputReader(String bootstrap) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.POINTS, Topics.TIERS));
        thread = new Thread(this::run, "fault-suite-output-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    file(record);
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // a broker down: the consumer reconnects on the next poll
            }
        }
    }

    private synchronized void file(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        String id = header(record, "ce_id");
        if (type == null || id == null) {
            return;
        }
        try {
            JsonNode data = JSON.readTree(record.value());
            if (type.endsWith("PointsEarned")) {
                earned.computeIfAbsent(text(data, "orderId"), k -> new HashSet<>()).add(id);
            } else if (type.endsWith("PointsReversed")) {
                reversed.computeIfAbsent(text(data, "refundId"), k -> new HashSet<>()).add(id);
            } else if (type.endsWith("TierChanged")) {
                String member = text(data, "memberId");
                tierChanges.computeIfAbsent(member + "|" + text(data, "fromTier") + "|" + text(data, "toTier"),
                        k -> new HashSet<>()).add(id);
                tierChangesByMember.computeIfAbsent(member, k -> new HashSet<>()).add(id);
            }
        } catch (java.io.IOException e) {
            // not ours to judge here
        }
    }

    synchronized Map<String, Set<String>> earned() {
        return copy(earned);
    }

    synchronized Map<String, Set<String>> reversed() {
        return copy(reversed);
    }

    synchronized Map<String, Set<String>> tierChanges() {
        return copy(tierChanges);
    }

    synchronized Map<String, Set<String>> tierChangesByMember() {
        return copy(tierChangesByMember);
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> map) {
        Map<String, Set<String>> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return copy;
    }

    /** A string field, or the {@code value} inside it (ids may be written as objects). */
    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isObject() && node.has("value") ? node.get("value").asText() : node.asText();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        consumer.close();
    }
}

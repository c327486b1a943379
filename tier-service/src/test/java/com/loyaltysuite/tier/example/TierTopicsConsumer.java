package com.loyaltysuite.tier.example;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.tier.CurrentTier;
import com.loyaltysuite.events.tier.TierChanged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How another team consumes tier-service's public topics with nothing but common-events and
 * kafka-clients (quoted in docs/contracts/tiers.md; run by TierTopicsConsumerExampleIT).
 */
public final class TierTopicsConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> changes;
    private final Set<String> seenEventIds = new HashSet<>();

    /** Follows {@code loyalty.tiers.v1} as consumer group {@code groupId}, from the start the first time. */
    public TierTopicsConsumer(String bootstrapServers, String groupId) {
        changes = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, groupId,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        changes.subscribe(List.of(Topics.TIERS));
    }

    /**
     * The tier changes that arrived, each once. Other types on the topic (TierAtRisk, and any added
     * later) are skipped by their {@code ce_type} header before decoding, so an older jar keeps working.
     */
    public List<TierChanged> pollChanges(Duration timeout) {
        List<TierChanged> result = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : changes.poll(timeout)) {
            if (!"TierChanged".equals(header(record, "ce_type"))) {
                continue;
            }
            var envelope = CloudEventCodec.fromRecord(record); // validates against the JSON Schema
            if (seenEventIds.add(envelope.id())) { // delivery is at least once: deduplicate on ce_id
                result.add((TierChanged) envelope.data());
            }
        }
        return result;
    }

    /**
     * Every member's current tier: reads the compacted {@code loyalty.member-tiers.v1} from the
     * beginning up to its end as of now, keeping the last record per key. No consumer group is needed.
     */
    public static Map<String, CurrentTier> currentTiers(String bootstrapServers) {
        Map<String, CurrentTier> table = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEMBER_TIERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        table.remove(record.key()); // a tombstone: the member is gone
                    } else if ("CurrentTier".equals(header(record, "ce_type"))) {
                        table.put(record.key(), (CurrentTier) CloudEventCodec.fromRecord(record).data());
                    }
                }
            }
        }
        return table;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        changes.close();
    }
}

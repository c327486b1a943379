package com.loyaltysuite.support.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics a service touches, declared in its YAML. At start-up it creates the topics it
 * produces, the ones it consumes (if the producer has not yet), and a dead-letter topic for each one
 * it consumes. A topic that exists already is left as it is.
 *
 * <p>The defaults suit the local run (one broker: replication factor 1). A deployed run sets
 * {@code replicas: 3}, and {@code min.insync.replicas} follows as 2, so that with the producers'
 * {@code acks=all} a write survives the loss of one broker and one broker may be down without
 * stopping writes.
 *
 * @param produces topics the service publishes
 * @param consumes topics the service reads
 * @param partitions partitions of each topic created (the key, member id, keeps per-member order)
 * @param replicas replication factor of each topic created
 * @param minInsyncReplicas {@code min.insync.replicas} of each topic created; by default one less than
 *     {@code replicas}, at least 1 and at most 2
 * @param topics per-topic settings that differ from the above, by topic name
 */
@ConfigurationProperties("loyalty.kafka")
public record KafkaTopicsProperties(
        List<String> produces,
        List<String> consumes,
        Integer partitions,
        Short replicas,
        Integer minInsyncReplicas,
        Map<String, TopicSettings> topics) {

    public KafkaTopicsProperties {
        produces = produces == null ? List.of() : produces;
        consumes = consumes == null ? List.of() : consumes;
        partitions = partitions == null ? 3 : partitions;
        replicas = replicas == null ? 1 : replicas;
        minInsyncReplicas = minInsyncReplicas == null ? defaultMinInsync(replicas) : minInsyncReplicas;
        topics = topics == null ? Map.of() : topics;
    }

    /** What one topic is created with: its own settings where given, the service's otherwise. */
    public TopicSettings settingsOf(String topic) {
        TopicSettings own = topics.getOrDefault(topic, new TopicSettings(null, null, null));
        short topicReplicas = own.replicas() != null ? own.replicas() : replicas;
        int minInsync = own.minInsyncReplicas() != null
                ? own.minInsyncReplicas()
                : own.replicas() != null ? defaultMinInsync(topicReplicas) : minInsyncReplicas;
        return new TopicSettings(own.partitions() != null ? own.partitions() : partitions, topicReplicas, minInsync);
    }

    private static int defaultMinInsync(short replicas) {
        return Math.max(1, Math.min(2, replicas - 1));
    }

    /** Partitions, replication factor and {@code min.insync.replicas} of one topic; null means "as the service's". */
    public record TopicSettings(Integer partitions, Short replicas, Integer minInsyncReplicas) {}
}

package com.loyaltysuite.support.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics a service touches, declared in its YAML. At start-up it creates the topics it
 * produces, the ones it consumes (if the producer has not yet), and a dead-letter topic for each one
 * it consumes.
 *
 * @param produces topics the service publishes
 * @param consumes topics the service reads
 * @param partitions partitions of each topic created (the key, member id, keeps per-member order)
 * @param replicas replication factor of each topic created
 */
@ConfigurationProperties("loyalty.kafka")
public record KafkaTopicsProperties(List<String> produces, List<String> consumes, Integer partitions, Short replicas) {

    public KafkaTopicsProperties {
        produces = produces == null ? List.of() : produces;
        consumes = consumes == null ? List.of() : consumes;
        partitions = partitions == null ? 3 : partitions;
        replicas = replicas == null ? 1 : replicas;
    }
}

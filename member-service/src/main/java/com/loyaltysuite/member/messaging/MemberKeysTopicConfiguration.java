package com.loyaltysuite.member.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.support.config.KafkaTopicsProperties;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The compacted topic of the members' data keys (ADR 9). Compaction keeps the latest record per member;
 * the settings bound how long an erased member's key stays on disk after its tombstone: a segment rolls
 * within {@code segment}, is compacted within {@code max-compaction-lag} (whatever the dirty ratio), and
 * the tombstone itself is kept {@code tombstone-retention} so consumers that were away see it. Declared
 * here, not under {@code loyalty.kafka.produces}, because only this topic is compacted.
 */
@Configuration(proxyBeanMethods = false)
class MemberKeysTopicConfiguration {

    @Bean
    NewTopic memberKeysTopic(
            KafkaTopicsProperties topics,
            @Value("${loyalty.member.keys-topic.segment:PT1H}") Duration segment,
            @Value("${loyalty.member.keys-topic.max-compaction-lag:PT1H}") Duration maxCompactionLag,
            @Value("${loyalty.member.keys-topic.tombstone-retention:P1D}") Duration tombstoneRetention) {
        return TopicBuilder.name(Topics.MEMBER_KEYS)
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .compact()
                .config(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(segment.toMillis()))
                .config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, String.valueOf(maxCompactionLag.toMillis()))
                .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")
                .config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01")
                .config(TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(tombstoneRetention.toMillis()))
                .build();
    }
}

package com.loyaltysuite.member.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.support.config.KafkaTopicsProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The compacted topic of members' segments: Kafka keeps at least the latest record per member id, so a
 * consumer reading it from the start gets every member's group and stage without the history.
 * Declared here, not under {@code loyalty.kafka.produces}, because only this topic is compacted.
 */
@Configuration(proxyBeanMethods = false)
class SegmentTopicConfiguration {

    @Bean
    NewTopic memberSegmentsTopic(KafkaTopicsProperties topics) {
        return TopicBuilder.name(Topics.MEMBER_SEGMENTS)
                .partitions(topics.partitions())
                .replicas(topics.replicas())
                .compact()
                .build();
    }
}

package com.loyaltysuite.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.support.config.KafkaTopicsProperties.TopicSettings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

    @Test
    void theLocalRunsDefaultsAreOneReplicaAndOneInSync() {
        KafkaTopicsProperties local = new KafkaTopicsProperties(List.of("loyalty.points.v1"), null, null, null, null, null);

        NewTopic topic = LoyaltyServiceAutoConfiguration.topic("loyalty.points.v1", local);

        assertThat(topic.numPartitions()).isEqualTo(3);
        assertThat(topic.replicationFactor()).isEqualTo((short) 1);
        assertThat(topic.configs()).containsEntry("min.insync.replicas", "1");
    }

    @Test
    void threeReplicasKeepTwoInSyncSoOneBrokerMayBeDownWithoutLosingAnAcknowledgedWrite() {
        KafkaTopicsProperties deployed =
                new KafkaTopicsProperties(List.of("loyalty.points.v1"), null, 12, (short) 3, null, null);

        NewTopic topic = LoyaltyServiceAutoConfiguration.topic("loyalty.points.v1", deployed);

        assertThat(topic.numPartitions()).isEqualTo(12);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void aTopicsOwnSettingsWinOverTheServicesAndTheRestFollowIt() {
        KafkaTopicsProperties deployed = new KafkaTopicsProperties(
                List.of("loyalty.points.v1", "loyalty.points.v1.DLT"),
                null,
                6,
                (short) 3,
                null,
                Map.of("loyalty.points.v1.DLT", new TopicSettings(1, (short) 5, null)));

        NewTopic deadLetters = LoyaltyServiceAutoConfiguration.topic("loyalty.points.v1.DLT", deployed);
        NewTopic points = LoyaltyServiceAutoConfiguration.topic("loyalty.points.v1", deployed);

        assertThat(deadLetters.numPartitions()).isEqualTo(1);
        assertThat(deadLetters.replicationFactor()).isEqualTo((short) 5);
        assertThat(deadLetters.configs()).containsEntry("min.insync.replicas", "2");
        assertThat(points.numPartitions()).isEqualTo(6);
    }
}

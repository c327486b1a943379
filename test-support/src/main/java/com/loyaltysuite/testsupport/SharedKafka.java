package com.loyaltysuite.testsupport;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in this JVM) for every test of the JVM: started on first use
 * (about 3 s), stopped when the JVM exits. Tests stay independent by using unique member ids.
 */
public final class SharedKafka {

    private static EmbeddedKafkaBroker broker;

    private SharedKafka() {}

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaBroker started = new EmbeddedKafkaKraftBroker(1, 3)
                    .brokerProperties(Map.of(
                            "auto.create.topics.enable", "true",
                            "num.partitions", "3",
                            "group.initial.rebalance.delay.ms", "0",
                            "offsets.topic.num.partitions", "5",
                            // transactional producers (an order system that aborts) on one broker
                            "transaction.state.log.replication.factor", "1",
                            "transaction.state.log.min.isr", "1",
                            "transaction.state.log.num.partitions", "3"));
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-shutdown"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}

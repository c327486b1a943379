package com.loyaltysuite.faults;

import com.loyaltysuite.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind on the order topics: end offsets less committed offsets, read
 * through the admin client. A fault is over for a service when its group is back within a second of
 * traffic.
 */
final class Lag implements AutoCloseable {

    private static final List<String> ORDER_TOPICS = List.of(Topics.ORDER_PAID, Topics.ORDER_REFUNDED);

    private final Admin admin;

    Lag(String bootstrap) {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", 5000, "default.api.timeout.ms", 8000));
    }

    /** Records of the order topics the group has not committed past, or -1 when it cannot be told now. */
    long of(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(ORDER_TOPICS).allTopicNames().get(5, TimeUnit.SECONDS)
                    .values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all()
                    .get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * Waits until {@code group} is at most {@code maxLag} records behind; returns when that was, in
     * System.nanoTime, or throws after {@code timeoutSeconds}.
     */
    long awaitWithin(String group, long maxLag, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            long lag = of(group);
            if (lag >= 0 && lag <= maxLag) {
                return System.nanoTime();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(group + " still more than " + maxLag + " records behind after " + timeoutSeconds + " s");
    }

    @Override
    public void close() {
        admin.close();
    }
}

package com.loyaltysuite.bench;

import com.loyaltysuite.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples how far points-service's and tier-service's consumer groups are behind on
 * {@code orders.order-paid.v1} (end offsets minus committed offsets, summed over partitions), and tells
 * the order log which orders tier-service has committed past.
 */
final class ConsumerLag implements AutoCloseable {

    static final String POINTS_GROUP = "points-service";
    static final String TIER_GROUP = "tier-service";

    /** One sample: when (System.nanoTime) and how many OrderPaid records each group has not committed. */
    record Sample(long atNanos, long pointsLag, long tierLag) {}

    private final Admin admin;
    private final OrderLog log;
    private final List<TopicPartition> partitions;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private final long intervalNanos;
    private volatile Sample latest = new Sample(0, 0, 0);
    private volatile boolean running = true;

    ConsumerLag(Admin admin, OrderLog log, int partitionCount, long intervalMillis) {
        this.admin = admin;
        this.log = log;
        this.partitions = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(new TopicPartition(Topics.ORDER_PAID, p));
        }
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.thread = new Thread(this::run, "bench-lag");
        thread.setDaemon(true);
        thread.start();
    }

    Sample latest() {
        return latest;
    }

    /** The samples taken between two System.nanoTime instants. */
    List<Sample> between(long fromNanos, long toNanos) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.atNanos >= fromNanos && s.atNanos <= toNanos).toList();
        }
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            try {
                sample();
            } catch (Exception e) {
                if (running) {
                    System.err.println("lag sample failed: " + e);
                }
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void sample() throws Exception {
        Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
        partitions.forEach(tp -> latestSpec.put(tp, OffsetSpec.latest()));
        var endFuture = admin.listOffsets(latestSpec).all();
        var pointsFuture = admin.listConsumerGroupOffsets(POINTS_GROUP).partitionsToOffsetAndMetadata();
        var tierFuture = admin.listConsumerGroupOffsets(TIER_GROUP).partitionsToOffsetAndMetadata();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = endFuture.get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> points = pointsFuture.get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> tier = tierFuture.get(10, TimeUnit.SECONDS);
        long now = System.nanoTime();
        long pointsLag = 0;
        long tierLag = 0;
        for (TopicPartition tp : partitions) {
            long endOffset = end.get(tp).offset();
            long pointsCommitted = committed(points, tp);
            long tierCommitted = committed(tier, tp);
            pointsLag += Math.max(0, endOffset - pointsCommitted);
            tierLag += Math.max(0, endOffset - tierCommitted);
            log.tierCommitted(tp.partition(), tierCommitted, now);
        }
        Sample sample = new Sample(now, pointsLag, tierLag);
        latest = sample;
        synchronized (samples) {
            samples.add(sample);
        }
    }

    /**
     * How many records of {@code topics} the consumer group has not committed yet, and how many the
     * topics have had (their end offsets), each summed over partitions: three admin requests in all.
     */
    static long[] groupLagAndEnd(Admin admin, String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> latestSpec.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
                admin.listOffsets(latestSpec).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long lag = 0;
        long records = 0;
        for (TopicPartition tp : latestSpec.keySet()) {
            lag += Math.max(0, end.get(tp).offset() - committed(committed, tp));
            records += end.get(tp).offset();
        }
        return new long[] {lag, records};
    }

    private static long committed(Map<TopicPartition, OffsetAndMetadata> offsets, TopicPartition tp) {
        OffsetAndMetadata committed = offsets == null ? null : offsets.get(tp);
        return committed == null ? 0 : committed.offset();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(15_000);
    }
}

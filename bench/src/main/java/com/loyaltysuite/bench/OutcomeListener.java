package com.loyaltysuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads what the suite publishes, as another team would with a plain consumer: PointsEarned on
 * {@code loyalty.points.v1} (matched to its order by {@code orderId}) and TierChanged on
 * {@code loyalty.tiers.v1} (matched by the OrderPaid event id among its {@code causationIds}; the latest
 * order listed is the one that tipped the member over).
 */
final class OutcomeListener implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final OrderLog log;
    private final long runBits;
    private final String orderPrefix;
    private final AtomicLong tierChanges = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    OutcomeListener(String bootstrap, OrderLog log, long runBits, String runTag) {
        this.log = log;
        this.runBits = runBits;
        this.orderPrefix = OpenLoopSender.orderPrefix(runTag);
        this.consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.CLIENT_ID_CONFIG, "bench-outcomes",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.POINTS, Topics.TIERS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(60))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::run, "bench-outcomes");
        thread.setDaemon(true);
        thread.start();
    }

    long tierChanges() {
        return tierChanges.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                String type = header(record, "ce_type");
                try {
                    if ("PointsEarned".equals(type)) {
                        String orderId = JSON.readTree(record.value()).path("orderId").asText("");
                        if (orderId.startsWith(orderPrefix)) {
                            log.pointsEarned(Integer.parseInt(orderId.substring(orderPrefix.length())), now);
                        }
                    } else if ("TierChanged".equals(type)) {
                        tierChanges.incrementAndGet();
                        long latest = -1;
                        for (JsonNode id : JSON.readTree(record.value()).path("causationIds")) {
                            latest = Math.max(latest, OrderMessages.orderIndexOf(runBits, id.asText()));
                        }
                        if (latest >= 0) {
                            log.tierChanged((int) latest, now);
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    unreadable.incrementAndGet();
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}

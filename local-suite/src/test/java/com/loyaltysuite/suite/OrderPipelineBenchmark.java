package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedDatabase;
import com.loyaltysuite.testsupport.SharedKafka;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throughput and latency of the order pipeline with all five services in one JVM on one embedded
 * broker: orders published as the order system does, measured until every order's PointsEarned is on
 * {@code loyalty.points.v1}. It prints figures and asserts only that every order was applied (a
 * benchmark, not a test: neither Surefire's nor Failsafe's name patterns match it). Run with
 *
 * <pre>mvn -B install -DskipTests &amp;&amp; mvn -B verify -pl local-suite -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dit.test=OrderPipelineBenchmark -Dbenchmark.members=500 -Dbenchmark.orders-per-member=4</pre>
 */
class OrderPipelineBenchmark {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private final int members = Integer.getInteger("benchmark.members", 500);
    private final int ordersPerMember = Integer.getInteger("benchmark.orders-per-member", 4);

    @Test
    void ordersToPoints() throws Exception {
        SharedDatabase.Coordinates db = SharedDatabase.coordinates();
        String kafka = SharedKafka.bootstrapServers();
        try (LoyaltySuite suite = LoyaltySuite.start(new SuiteSettings(
                        kafka, db.url(), db.username(), db.password(), "127.0.0.1", smtp.getSmtp().getPort(),
                        SuiteSettings.ANY_FREE_PORTS));
                KafkaProducer<String, byte[]> producer = producer(kafka);
                KafkaConsumer<String, byte[]> points = consumer(kafka, Topics.POINTS);
                KafkaConsumer<String, byte[]> tiers = consumer(kafka, Topics.TIERS)) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            warmUp(producer, points, run);

            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
            int total = members * ordersPerMember;
            long start = System.nanoTime();
            for (int order = 0; order < ordersPerMember; order++) {
                for (int member = 0; member < members; member++) {
                    String memberId = "B-" + run + "-" + member;
                    String orderId = memberId + "-O" + order;
                    sentAt.put(orderId, System.nanoTime());
                    producer.send(orderPaid(memberId, orderId, "199.00"));
                }
            }
            producer.flush();
            long published = System.nanoTime();

            int applied = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (applied < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : points.poll(Duration.ofMillis(200))) {
                    if (record.key().startsWith("B-" + run + "-")
                            && CloudEventCodec.fromRecord(record).data() instanceof PointsEarned earned) {
                        Long sent = sentAt.remove(earned.orderId().value());
                        if (sent != null) {
                            latenciesMicros.add((System.nanoTime() - sent) / 1_000);
                            applied++;
                        }
                    }
                }
            }
            long done = System.nanoTime();
            int tierChanges = countTierChanges(tiers, run);

            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            double seconds = (done - start) / 1e9;
            System.out.printf(
                    """

                    ===== order pipeline benchmark (5 services, 1 JVM, embedded KRaft broker, %d cores) =====
                    orders published        %d (%d members x %d orders), in %.2f s
                    PointsEarned observed   %d of %d
                    end-to-end throughput   %.1f orders/s (publish of the first to PointsEarned of the last)
                    latency OrderPaid sent -> PointsEarned consumed (ms): p50 %.1f  p95 %.1f  p99 %.1f  max %.1f
                    TierChanged seen        %d
                    heap used after GC      %d MiB (committed %d MiB, max %d MiB)
                    ==========================================================================================
                    """,
                    Runtime.getRuntime().availableProcessors(),
                    total, members, ordersPerMember, (published - start) / 1e9,
                    applied, total,
                    applied / seconds,
                    percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), percentile(sorted, 1.0),
                    tierChanges,
                    heap.getUsed() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20);
            assertThat(applied).as("every order earned points").isEqualTo(total);
        }
    }

    /** JIT, connection pools and consumer assignments settle before anything is timed. */
    private void warmUp(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> points, String run) {
        int warmUpOrders = 200;
        for (int i = 0; i < warmUpOrders; i++) {
            String memberId = "W-" + run + "-" + (i % 50);
            producer.send(orderPaid(memberId, memberId + "-" + i, "10.00"));
        }
        producer.flush();
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (seen < warmUpOrders && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : points.poll(Duration.ofMillis(200))) {
                if (record.key().startsWith("W-" + run)) {
                    seen++;
                }
            }
        }
    }

    private static int countTierChanges(KafkaConsumer<String, byte[]> tiers, String run) {
        int changes = 0;
        int emptyPolls = 0;
        while (emptyPolls < 10) {
            var records = tiers.poll(Duration.ofMillis(300));
            emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.key().startsWith("B-" + run + "-")
                        && CloudEventCodec.fromRecord(record).data() instanceof TierChanged) {
                    changes++;
                }
            }
        }
        return changes;
    }

    private static ProducerRecord<String, byte[]> orderPaid(String memberId, String orderId, String amount) {
        Instant paidAt = Instant.now();
        String json = "{\"orderId\":\"" + orderId + "\",\"memberId\":\"" + memberId
                + "\",\"amount\":{\"value\":\"" + amount + "\",\"currency\":\"CNY\"},\"paidAt\":\"" + paidAt + "\"}";
        var record = new ProducerRecord<>(Topics.ORDER_PAID, memberId, json.getBytes(StandardCharsets.UTF_8));
        OrderSystem.headers(UUID.randomUUID().toString(), "OrderPaid", memberId, paidAt)
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String kafka, String topic) {
        var consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                        ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
    }

    private static double percentile(List<Long> sortedMicros, double p) {
        if (sortedMicros.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, Math.min(index, sortedMicros.size() - 1))) / 1000.0;
    }
}

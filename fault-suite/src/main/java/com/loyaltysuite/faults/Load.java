package com.loyaltysuite.faults;

import com.loyaltysuite.bench.OrderMessages;
import com.loyaltysuite.bench.Workload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The scenario's load: the benchmark's {@link Workload} (Zipf members, log-normal amounts, a share
 * refunded) written as the order system writes it ({@link OrderMessages}), at a fixed rate. Every
 * order and refund is kept here: this record, not anything the services say, is what the
 * reconciliation expects. A send the broker refuses (a broker down, no ISR) is sent again, with the
 * same ids, as the order system would.
 *
 * <p>Orders go first, then their refunds: a refund that raced a later order of the same member on the
 * other topic could leave tier-service's promotion either side of a threshold, which the offline
 * computation could not tell.
 */
final class Load implements AutoCloseable {

    /** One order as sent, and its refund (null when it was not refunded). */
    record Order(
            int index, String eventId, String orderId, String memberId, BigDecimal amount, Instant paidAt,
            String channel, String category, BigDecimal refund, String refundId) {}

    private final KafkaProducer<String, byte[]> producer;
    private final Workload workload;
    private final String runTag;
    private final long runBits;
    private final List<Order> orders = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<ProducerRecord<String, byte[]>> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger resent = new AtomicInteger();

    Load(String bootstrap, int members, long seed) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000),
                new StringSerializer(),
                new ByteArraySerializer());
        this.workload = new Workload(members, 0.8, 0.1, seed);
        this.runTag = Stage.runTag();
        this.runBits = OrderMessages.runBits(new java.util.Random(seed).nextLong());
    }

    String memberId(int rank) {
        return "M-" + runTag + "-" + rank;
    }

    /**
     * Sends {@code count} orders at {@code rate} per second; {@code beforeOrder} is called with each
     * order's index before it is sent (the scenario injects its fault there).
     */
    void sendOrders(int count, double rate, IntConsumer beforeOrder) {
        long start = System.nanoTime();
        for (int k = 0; k < count; k++) {
            waitUntil(start + (long) (k * 1e9 / rate));
            beforeOrder.accept(k);
            int index = orders.size();
            String memberId = memberId(workload.nextMember());
            BigDecimal amount = workload.nextAmount();
            String channel = workload.nextChannel();
            String category = workload.nextCategory();
            BigDecimal refund = workload.nextRefund(amount);
            Instant paidAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Order order = new Order(index, OrderMessages.eventId(runBits, index), "O-" + runTag + "-" + index, memberId,
                    amount, paidAt, channel, category, refund, refund == null ? null : "R-" + runTag + "-" + index);
            orders.add(order);
            send(OrderMessages.orderPaid(order.eventId(), order.orderId(), memberId, amount, paidAt, channel, category));
        }
        settle();
    }

    /** Sends the refunds of the orders sent so far, at {@code rate} per second. */
    void sendRefunds(double rate, IntConsumer beforeRefund) {
        List<Order> refunded = orders().stream().filter(o -> o.refund() != null).toList();
        long start = System.nanoTime();
        for (int k = 0; k < refunded.size(); k++) {
            waitUntil(start + (long) (k * 1e9 / rate));
            beforeRefund.accept(k);
            Order order = refunded.get(k);
            send(OrderMessages.orderRefunded(UUID.nameUUIDFromBytes(order.refundId().getBytes()).toString(),
                    order.refundId(), order.orderId(), order.memberId(), order.refund(),
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        }
        settle();
    }

    /** Sends a record outside the workload (hostile input); it is not part of the expected figures. */
    void sendRaw(ProducerRecord<String, byte[]> record) {
        send(record);
    }

    int refunds() {
        return (int) orders().stream().filter(o -> o.refund() != null).count();
    }

    List<Order> orders() {
        synchronized (orders) {
            return List.copyOf(orders);
        }
    }

    int resent() {
        return resent.get();
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                refused.add(record);
            }
        });
    }

    /** Flushes, and sends again whatever the broker refused until every record is acknowledged. */
    private void settle() {
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        ProducerRecord<String, byte[]> record;
        while ((record = refused.poll()) != null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The broker kept refusing records for 5 minutes");
            }
            resent.incrementAndGet();
            try {
                producer.send(record).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                refused.add(record);
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    private static void waitUntil(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 20_000) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

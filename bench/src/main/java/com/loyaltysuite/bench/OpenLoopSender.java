package com.loyaltysuite.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends orders on a fixed schedule: order k of a phase is due at start + k / rate, whatever happened
 * before. A late send is not rescheduled, so its lateness counts in its latency (no coordinated
 * omission). Refunds are scheduled when their order is sent and go out when due within the phase.
 */
final class OpenLoopSender {

    /** What one phase sent: orders [firstOrder, endOrder) of the log. */
    record Sent(
            String name, double rate, long startNanos, long endNanos, int firstOrder, int endOrder, int refunds,
            boolean aborted) {

        int orders() {
            return endOrder - firstOrder;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private record Refund(long dueNanos, ProducerRecord<String, byte[]> record) {}

    private final KafkaProducer<String, byte[]> producer;
    private final Workload workload;
    private final OrderLog log;
    private final long runBits;
    private final String runTag;
    private final long refundDelayNanos;
    private final long wallClockOffsetNanos;

    OpenLoopSender(
            KafkaProducer<String, byte[]> producer, Workload workload, OrderLog log, long runBits, String runTag,
            Duration refundDelay) {
        this.producer = producer;
        this.workload = workload;
        this.log = log;
        this.runBits = runBits;
        this.runTag = runTag;
        this.refundDelayNanos = refundDelay.toNanos();
        Instant now = Instant.now();
        this.wallClockOffsetNanos = (now.getEpochSecond() * 1_000_000_000L + now.getNano()) - System.nanoTime();
    }

    static String memberId(String runTag, int rank) {
        return "M-" + runTag + "-" + rank;
    }

    static String orderPrefix(String runTag) {
        return "O-" + runTag + "-";
    }

    static String orderId(String runTag, long index) {
        return orderPrefix(runTag) + index;
    }

    /** Sends at {@code rate} for {@code duration}, or until {@code abort} says so (checked every 100 ms). */
    Sent run(String name, double rate, Duration duration, BooleanSupplier abort) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long end = start + duration.toNanos();
        long total = (long) Math.floor(rate * duration.toNanos() / 1e9);
        PriorityQueue<Refund> refunds = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
        int first = log.size();
        int refundsSent = 0;
        boolean aborted = false;
        long nextAbortCheck = start;
        for (long k = 0; k < total; k++) {
            long due = start + (long) (k * 1e9 / rate);
            while (!refunds.isEmpty() && refunds.peek().dueNanos <= due) {
                Refund refund = refunds.poll();
                waitUntil(refund.dueNanos);
                producer.send(refund.record);
                refundsSent++;
            }
            waitUntil(due);
            if (due >= nextAbortCheck) {
                nextAbortCheck = due + TimeUnit.MILLISECONDS.toNanos(100);
                if (abort.getAsBoolean()) {
                    aborted = true;
                    end = System.nanoTime();
                    break;
                }
            }
            Refund refund = send(due);
            if (refund != null) {
                refunds.add(refund);
            }
        }
        if (!aborted) {
            while (!refunds.isEmpty() && refunds.peek().dueNanos < end) {
                Refund refund = refunds.poll();
                waitUntil(refund.dueNanos);
                producer.send(refund.record);
                refundsSent++;
            }
            waitUntil(end);
        }
        producer.flush();
        return new Sent(name, rate, start, end, first, log.size(), refundsSent, aborted);
    }

    private Refund send(long due) {
        int index = log.add(due);
        int rank = workload.nextMember();
        String memberId = memberId(runTag, rank);
        String orderId = orderId(runTag, index);
        BigDecimal amount = workload.nextAmount();
        Instant paidAt = wallClock(due);
        ProducerRecord<String, byte[]> record = OrderMessages.orderPaid(
                OrderMessages.eventId(runBits, index), orderId, memberId, amount, paidAt, workload.nextChannel(),
                workload.nextCategory());
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                log.landed(index, metadata.partition(), metadata.offset());
            }
        });
        BigDecimal refunded = workload.nextRefund(amount);
        if (refunded == null) {
            return null;
        }
        long refundDue = due + workload.nextDelayNanos(TimeUnit.SECONDS.toNanos(1), refundDelayNanos);
        return new Refund(refundDue, OrderMessages.orderRefunded(
                UUID.randomUUID().toString(), "R-" + runTag + "-" + index, orderId, memberId, refunded,
                wallClock(refundDue)));
    }

    private Instant wallClock(long nanoTime) {
        long epochNanos = nanoTime + wallClockOffsetNanos;
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private static void waitUntil(long due) {
        long left;
        // No spinning: the driver shares two cores with what it measures; a park overshoots by tens of µs.
        while ((left = due - System.nanoTime()) > 20_000) {
            LockSupport.parkNanos(left);
        }
    }
}

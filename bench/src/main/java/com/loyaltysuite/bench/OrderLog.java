package com.loyaltysuite.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every order the benchmark sent, by index: when it was scheduled (System.nanoTime), where it landed
 * (partition, offset), when its PointsEarned was seen, when a TierChanged it caused was seen, and when
 * tier-service's consumer group committed past it. Zero means "not yet".
 */
final class OrderLog {

    private final AtomicLongArray scheduled;
    private final AtomicLongArray pointsAt;
    private final AtomicLongArray tierChangeAt;
    private final AtomicLongArray tierCommittedAt;
    private final AtomicInteger size = new AtomicInteger();
    private final PartitionOffsets[] partitions;

    OrderLog(int capacity, int partitions) {
        this.scheduled = new AtomicLongArray(capacity);
        this.pointsAt = new AtomicLongArray(capacity);
        this.tierChangeAt = new AtomicLongArray(capacity);
        this.tierCommittedAt = new AtomicLongArray(capacity);
        this.partitions = new PartitionOffsets[partitions];
        for (int p = 0; p < partitions; p++) {
            this.partitions[p] = new PartitionOffsets();
        }
    }

    /** Reserves the next index for an order due at {@code scheduledNanos}. */
    int add(long scheduledNanos) {
        int index = size.getAndIncrement();
        if (index >= scheduled.length()) {
            throw new IllegalStateException("More orders than planned (" + scheduled.length() + ")");
        }
        scheduled.set(index, scheduledNanos);
        return index;
    }

    int size() {
        return size.get();
    }

    /** The broker acknowledged order {@code index} at this partition and offset (in offset order per partition). */
    void landed(int index, int partition, long offset) {
        partitions[partition].add(offset, index);
    }

    void pointsEarned(int index, long atNanos) {
        if (index >= 0 && index < size()) {
            pointsAt.compareAndSet(index, 0, atNanos);
        }
    }

    void tierChanged(int index, long atNanos) {
        if (index >= 0 && index < size()) {
            tierChangeAt.compareAndSet(index, 0, atNanos);
        }
    }

    /** tier-service's group has committed {@code committed} on {@code partition}: every order before it is done. */
    void tierCommitted(int partition, long committed, long atNanos) {
        if (partition < partitions.length) {
            partitions[partition].committed(committed, atNanos, tierCommittedAt);
        }
    }

    long scheduled(int index) {
        return scheduled.get(index);
    }

    long pointsAt(int index) {
        return pointsAt.get(index);
    }

    long tierChangeAt(int index) {
        return tierChangeAt.get(index);
    }

    long tierCommittedAt(int index) {
        return tierCommittedAt.get(index);
    }

    /** When the order was fully processed (PointsEarned out and tier-service past it), or 0. */
    long doneAt(int index) {
        long points = pointsAt.get(index);
        long tier = tierCommittedAt.get(index);
        return points == 0 || tier == 0 ? 0 : Math.max(points, tier);
    }

    /** How many of the orders in [from, to) are not fully processed yet. */
    int unfinished(int from, int to) {
        int open = 0;
        for (int i = from; i < to; i++) {
            if (doneAt(i) == 0) {
                open++;
            }
        }
        return open;
    }

    private static final class PartitionOffsets {
        private long[] offsets = new long[1024];
        private int[] indexes = new int[1024];
        private int count;
        private int committedUpTo;

        synchronized void add(long offset, int index) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                indexes = Arrays.copyOf(indexes, count * 2);
            }
            offsets[count] = offset;
            indexes[count] = index;
            count++;
        }

        synchronized void committed(long committed, long atNanos, AtomicLongArray doneAt) {
            while (committedUpTo < count && offsets[committedUpTo] < committed) {
                doneAt.compareAndSet(indexes[committedUpTo], 0, atNanos);
                committedUpTo++;
            }
        }
    }
}

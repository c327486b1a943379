package com.loyaltysuite.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Who orders and how much: members drawn with a Zipf-like skew (rank k has weight 1/k^s, so a few
 * members order very often), amounts log-normal (median 150 CNY, a long tail of big baskets, in
 * cents between 1.00 and 50,000.00), and a share of orders refunded later, half fully, half partly.
 * Seeded, so two runs with the same options send the same workload. The fault suite (fault-suite)
 * draws its load from it too.
 */
public final class Workload {

    public static final double MEDIAN_AMOUNT = 150.0;
    static final double AMOUNT_SIGMA = 1.0;
    private static final String[] CHANNELS = {"APP", "WEB", "MINI_PROGRAM", "STORE"};
    private static final String[] CATEGORIES = {"apparel", "electronics", "grocery", "beauty", "home", "sports"};

    private final double[] cumulative;
    private final SplittableRandom random;
    private final double refundRatio;

    public Workload(int members, double zipfExponent, double refundRatio, long seed) {
        this.cumulative = new double[members];
        double sum = 0;
        for (int rank = 1; rank <= members; rank++) {
            sum += 1.0 / Math.pow(rank, zipfExponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < members; i++) {
            cumulative[i] /= sum;
        }
        this.random = new SplittableRandom(seed);
        this.refundRatio = refundRatio;
    }

    public int members() {
        return cumulative.length;
    }

    /** The share of all orders that the heaviest member places. */
    public double topMemberShare() {
        return cumulative[0];
    }

    /** A member rank, 0 being the one who orders most. */
    public int nextMember() {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(index < 0 ? -index - 1 : index, cumulative.length - 1);
    }

    public BigDecimal nextAmount() {
        double value = MEDIAN_AMOUNT * Math.exp(AMOUNT_SIGMA * gaussian());
        value = Math.max(1.0, Math.min(50_000.0, value));
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    public String nextChannel() {
        return CHANNELS[random.nextInt(CHANNELS.length)];
    }

    public String nextCategory() {
        return CATEGORIES[random.nextInt(CATEGORIES.length)];
    }

    /** The refunded part of an order, or null when this order is not refunded. */
    public BigDecimal nextRefund(BigDecimal paid) {
        if (random.nextDouble() >= refundRatio) {
            return null;
        }
        if (random.nextBoolean()) {
            return paid;
        }
        BigDecimal part = paid.multiply(BigDecimal.valueOf(0.1 + 0.8 * random.nextDouble()))
                .setScale(2, RoundingMode.DOWN);
        return part.signum() > 0 ? part : paid;
    }

    /** Uniform in [min, max) nanoseconds. */
    public long nextDelayNanos(long min, long max) {
        return max <= min ? min : min + (long) (random.nextDouble() * (max - min));
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}

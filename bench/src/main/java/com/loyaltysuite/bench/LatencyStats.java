package com.loyaltysuite.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.HdrHistogram.Histogram;

/** Latency figures in milliseconds, from an HdrHistogram of microseconds. */
record LatencyStats(long count, long missing, double p50, double p95, double p99, double p999, double max, double mean) {

    /** A point of the percentile plot: the percentile (e.g. 99.9) and the latency there. */
    record Point(double percentile, double millis) {}

    /** Latencies over one second of scheduled send time. */
    record Second(int second, long count, double p50, double p99, double max) {}

    static final long HIGHEST_MICROS = 3_600_000_000L;

    static Histogram histogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /**
     * The histogram of {@code outcomeAt(i) - scheduledAt(i)} over orders [from, to) that have an
     * outcome (nanosecond instants; 0 = no outcome).
     */
    static Histogram histogramOf(int from, int to, IntToLongFunction scheduledAt, IntToLongFunction outcomeAt) {
        Histogram histogram = histogram();
        for (int i = from; i < to; i++) {
            long at = outcomeAt.applyAsLong(i);
            if (at != 0) {
                histogram.recordValue(clamp((at - scheduledAt.applyAsLong(i)) / 1_000));
            }
        }
        return histogram;
    }

    static LatencyStats of(Histogram h, long missing) {
        if (h.getTotalCount() == 0) {
            return new LatencyStats(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencyStats(
                h.getTotalCount(),
                missing,
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()),
                h.getMean() / 1000.0);
    }

    /** The percentile curve at 0, 50, 90, 99, 99.9, ... up to the largest value, for the percentile plot. */
    static List<Point> curve(Histogram h) {
        List<Point> points = new ArrayList<>();
        if (h.getTotalCount() == 0) {
            return points;
        }
        // Evenly spaced on the "number of nines" axis: 1/(1-p) from 1 to the count.
        double maxNines = Math.log10(Math.max(10, h.getTotalCount()));
        for (double nines = 0; nines <= maxNines + 1e-9; nines += 0.05) {
            double percentile = 100.0 * (1 - Math.pow(10, -nines));
            points.add(new Point(percentile, ms(h.getValueAtPercentile(percentile))));
        }
        points.add(new Point(100.0, ms(h.getMaxValue())));
        return points;
    }

    /** Latency per second of scheduled time, for the over-time chart. */
    static List<Second> perSecond(int from, int to, long startNanos, IntToLongFunction scheduledAt,
            IntToLongFunction outcomeAt) {
        List<Second> seconds = new ArrayList<>();
        int i = from;
        while (i < to) {
            int second = (int) ((scheduledAt.applyAsLong(i) - startNanos) / 1_000_000_000L);
            Histogram h = histogram();
            while (i < to && (int) ((scheduledAt.applyAsLong(i) - startNanos) / 1_000_000_000L) == second) {
                long at = outcomeAt.applyAsLong(i);
                if (at != 0) {
                    h.recordValue(clamp((at - scheduledAt.applyAsLong(i)) / 1_000));
                }
                i++;
            }
            if (h.getTotalCount() > 0) {
                seconds.add(new Second(second, h.getTotalCount(), ms(h.getValueAtPercentile(50)),
                        ms(h.getValueAtPercentile(99)), ms(h.getMaxValue())));
            }
        }
        return seconds;
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(HIGHEST_MICROS, micros));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}

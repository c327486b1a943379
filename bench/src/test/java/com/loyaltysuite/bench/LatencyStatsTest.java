package com.loyaltysuite.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    private static final long MS = 1_000_000L;

    @Test
    void latencyCountsFromTheScheduledTimeAndOrdersWithoutOutcomeAreMissing() {
        // Orders due every 10 ms from t=0; the outcome of order i comes (i + 1) ms after it was due; order 9 has none.
        long[] scheduled = new long[10];
        long[] outcome = new long[10];
        for (int i = 0; i < 10; i++) {
            scheduled[i] = i * 10 * MS;
            outcome[i] = i == 9 ? 0 : scheduled[i] + (i + 1) * MS;
        }

        Histogram histogram = LatencyStats.histogramOf(0, 10, i -> scheduled[i], i -> outcome[i]);
        LatencyStats stats = LatencyStats.of(histogram, 10 - histogram.getTotalCount());

        assertThat(stats.count()).isEqualTo(9);
        assertThat(stats.missing()).isEqualTo(1);
        assertThat(stats.p50()).isCloseTo(5.0, within(0.01));
        assertThat(stats.max()).isCloseTo(9.0, within(0.01));
    }

    @Test
    void perSecondGroupsByScheduledSecond() {
        long[] scheduled = {0, 500 * MS, 1_100 * MS, 2_200 * MS};
        long[] outcome = {20 * MS, 520 * MS, 1_400 * MS, 0};

        List<LatencyStats.Second> seconds = LatencyStats.perSecond(0, 4, 0, i -> scheduled[i], i -> outcome[i]);

        assertThat(seconds).extracting(LatencyStats.Second::second).containsExactly(0, 1);
        assertThat(seconds.get(0).count()).isEqualTo(2);
        assertThat(seconds.get(1).max()).isCloseTo(300.0, within(0.5));
    }

    @Test
    void theCurveRunsFromTheLowestToTheMaximum() {
        Histogram histogram = LatencyStats.histogram();
        for (int i = 1; i <= 1000; i++) {
            histogram.recordValue(i * 1000L);
        }

        List<LatencyStats.Point> curve = LatencyStats.curve(histogram);

        assertThat(curve.get(0).percentile()).isEqualTo(0.0);
        assertThat(curve.get(curve.size() - 1).percentile()).isEqualTo(100.0);
        assertThat(curve.get(curve.size() - 1).millis()).isCloseTo(1000.0, within(1.0));
        assertThat(curve).extracting(LatencyStats.Point::millis).isSorted();
    }
}

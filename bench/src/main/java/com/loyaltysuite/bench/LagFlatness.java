package com.loyaltysuite.bench;

import java.util.List;

/**
 * Whether a consumer group kept up over a step at a fixed offered rate: after the first quarter of the
 * step (consumers settling), the least-squares slope of its lag must stay under 2 % of the rate (the
 * backlog grows by less than 1.2 s of traffic a minute) and its lag in the last quarter under 2 s of
 * traffic. Both floors keep a very low rate from being judged on a few records of noise.
 */
final class LagFlatness {

    /** A lag sample: seconds since the step started, and records behind. */
    record Point(double seconds, long lag) {}

    record Verdict(boolean flat, double slopePerSecond, long lastQuarterMaxLag, String reason) {}

    static final double MAX_SLOPE_SHARE = 0.02;
    static final double MAX_BEHIND_SECONDS = 2.0;

    private LagFlatness() {}

    static Verdict judge(List<Point> points, double rate, double stepSeconds) {
        List<Point> settled = points.stream().filter(p -> p.seconds >= stepSeconds * 0.25).toList();
        if (settled.size() < 3) {
            return new Verdict(false, Double.NaN, -1, "too few lag samples");
        }
        double slope = slope(settled);
        long lastQuarter = settled.stream()
                .filter(p -> p.seconds >= stepSeconds * 0.75)
                .mapToLong(Point::lag)
                .max()
                .orElse(settled.get(settled.size() - 1).lag);
        double maxSlope = Math.max(MAX_SLOPE_SHARE * rate, 1.0);
        double maxLag = Math.max(MAX_BEHIND_SECONDS * rate, 100);
        if (slope > maxSlope) {
            return new Verdict(false, slope, lastQuarter,
                    String.format("lag grows %.1f records/s (limit %.1f)", slope, maxSlope));
        }
        if (lastQuarter > maxLag) {
            return new Verdict(false, slope, lastQuarter,
                    String.format("%d records behind at the end (limit %.0f)", lastQuarter, maxLag));
        }
        return new Verdict(true, slope, lastQuarter, "flat");
    }

    static double slope(List<Point> points) {
        double n = points.size();
        double sumX = 0;
        double sumY = 0;
        for (Point p : points) {
            sumX += p.seconds;
            sumY += p.lag;
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxy = 0;
        double sxx = 0;
        for (Point p : points) {
            sxy += (p.seconds - meanX) * (p.lag - meanY);
            sxx += (p.seconds - meanX) * (p.seconds - meanX);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}

package com.loyaltysuite.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A self-contained HTML page of the results: the table as printed, and charts drawn here as inline SVG
 * (latency over time, the percentile plot, consumer lag per step). Nothing is loaded from anywhere.
 */
final class HtmlChart {

    record Series(String name, String color, List<double[]> points) {}

    /** A vertical line on the x axis with a label (a step boundary). */
    record Marker(double x, String label) {}

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
    private static final int WIDTH = 960;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 34;
    private static final int BOTTOM = 46;

    private HtmlChart() {}

    static String render(Results r) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Order pipeline benchmark ")
                .append(escape(r.startedAt()))
                .append("</title>\n<style>body{font-family:sans-serif;margin:24px;color:#222}")
                .append("pre{font-size:12px;background:#f6f6f6;padding:12px;overflow-x:auto}")
                .append("svg{display:block;margin:12px 0 28px}</style></head><body>\n")
                .append("<h1>Order pipeline benchmark</h1>\n<pre>").append(escape(Report.table(r))).append("</pre>\n");

        List<Series> percentiles = new ArrayList<>();
        if (r.openLoop() != null) {
            Results.Phase open = r.openLoop();
            List<double[]> p50 = new ArrayList<>();
            List<double[]> p99 = new ArrayList<>();
            List<double[]> max = new ArrayList<>();
            for (LatencyStats.Second s : open.pointsOverTime()) {
                p50.add(new double[] {s.second(), s.p50()});
                p99.add(new double[] {s.second(), s.p99()});
                max.add(new double[] {s.second(), s.max()});
            }
            html.append(chart(String.format(Locale.ROOT,
                            "Open loop at %.0f orders/s: OrderPaid -> PointsEarned by second of scheduled send", open.offeredRate()),
                    "seconds since the phase started", "latency (ms, log)",
                    List.of(new Series("p50", COLORS[0], p50), new Series("p99", COLORS[1], p99),
                            new Series("max", COLORS[7], max)),
                    true, false, List.of()));
            percentiles.add(new Series("open loop PointsEarned", COLORS[0], curve(open.pointsCurve())));
            percentiles.add(new Series("open loop TierChanged", COLORS[1], curve(open.tierCurve())));
        }
        if (r.maxRate() != null) {
            int color = 2;
            for (Results.Step step : r.maxRate().steps()) {
                percentiles.add(new Series(step.phase().name() + " PointsEarned", COLORS[color++ % COLORS.length],
                        curve(step.phase().pointsCurve())));
            }
        }
        if (!percentiles.isEmpty()) {
            html.append(chart("Percentile plot: latency by percentile", "percentile", "latency (ms, log)", percentiles,
                    true, true, List.of()));
        }
        if (r.maxRate() != null && !r.maxRate().steps().isEmpty()) {
            List<double[]> pointsLag = new ArrayList<>();
            List<double[]> tierLag = new ArrayList<>();
            List<double[]> backlog = new ArrayList<>();
            List<double[]> p99 = new ArrayList<>();
            List<Marker> markers = new ArrayList<>();
            double offset = 0;
            for (Results.Step step : r.maxRate().steps()) {
                markers.add(new Marker(offset, String.format(Locale.ROOT, "%.0f/s", step.phase().offeredRate())));
                for (Results.LagPoint p : step.lag()) {
                    pointsLag.add(new double[] {offset + p.seconds(), p.pointsLag()});
                    tierLag.add(new double[] {offset + p.seconds(), p.tierLag()});
                    backlog.add(new double[] {offset + p.seconds(), p.pointsEarnedBacklog()});
                }
                for (LatencyStats.Second s : step.phase().pointsOverTime()) {
                    p99.add(new double[] {offset + s.second(), s.p99()});
                }
                offset += step.phase().seconds();
            }
            html.append(chart("Maximum-rate steps: consumer lag on orders.order-paid.v1, and orders without PointsEarned", "seconds", "orders behind",
                    List.of(new Series("points-service", COLORS[0], pointsLag), new Series("tier-service", COLORS[1], tierLag),
                            new Series("without PointsEarned", COLORS[2], backlog)),
                    false, false, markers));
            html.append(chart("Maximum-rate steps: OrderPaid -> PointsEarned p99 by second", "seconds",
                    "latency (ms, log)", List.of(new Series("p99", COLORS[1], p99)), true, false, markers));
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    /** Percentile points on the "nines" axis: x = log10(1 / (1 - p)). */
    private static List<double[]> curve(List<LatencyStats.Point> points) {
        List<double[]> xy = new ArrayList<>();
        for (LatencyStats.Point p : points) {
            if (p.percentile() < 100) {
                xy.add(new double[] {-Math.log10(1 - p.percentile() / 100), p.millis()});
            }
        }
        return xy;
    }

    static String chart(String title, String xLabel, String yLabel, List<Series> series, boolean logY,
            boolean ninesX, List<Marker> markers) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double[] p : s.points()) {
                if (Double.isNaN(p[1]) || (logY && p[1] <= 0)) {
                    continue;
                }
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-size=\"12\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"15\" font-weight=\"bold\">%s</text>\n",
                LEFT, escape(title)));
        if (minX > maxX) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">no data</text></svg>\n", LEFT, HEIGHT / 2));
            return svg.toString();
        }
        if (ninesX) {
            minX = 0;
            maxX = Math.max(1, Math.ceil(maxX));
        } else {
            minX = Math.min(0, minX);
            maxX = maxX <= minX ? minX + 1 : maxX;
        }
        if (logY) {
            minY = Math.pow(10, Math.floor(Math.log10(minY)));
            maxY = Math.pow(10, Math.ceil(Math.log10(maxY)));
            if (maxY <= minY) {
                maxY = minY * 10;
            }
        } else {
            minY = 0;
            maxY = maxY <= 0 ? 1 : maxY * 1.1;
        }
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double x0 = minX;
        double x1 = maxX;
        double y0 = minY;
        double y1 = maxY;
        DoubleFunction<Double> sx = x -> LEFT + (x - x0) / (x1 - x0) * plotW;
        DoubleFunction<Double> sy = logY
                ? y -> TOP + plotH - (Math.log10(Math.max(y, y0)) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0)) * plotH
                : y -> TOP + plotH - (y - y0) / (y1 - y0) * plotH;

        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n", LEFT, TOP, plotW, plotH));
        // y grid
        List<double[]> yTicks = new ArrayList<>();
        if (logY) {
            for (double y = y0; y <= y1 * 1.0001; y *= 10) {
                yTicks.add(new double[] {y});
            }
        } else {
            double step = niceStep(y1 / 5);
            for (double y = 0; y <= y1; y += step) {
                yTicks.add(new double[] {y});
            }
        }
        for (double[] t : yTicks) {
            double y = sy.apply(t[0]);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e4e4e4\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, number(t[0])));
        }
        // x grid
        if (ninesX) {
            for (int n = 0; n <= (int) x1; n++) {
                double x = sx.apply(n);
                String label = nines(n);
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                        x, TOP, x, TOP + plotH, x, TOP + plotH + 16, label));
            }
        } else {
            double step = niceStep((x1 - x0) / 8);
            for (double v = Math.ceil(x0 / step) * step; v <= x1; v += step) {
                double x = sx.apply(v);
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                        x, TOP, x, TOP + plotH, x, TOP + plotH + 16, number(v)));
            }
        }
        for (Marker marker : markers) {
            double x = sx.apply(marker.x());
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\" stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" fill=\"#555\">%s</text>\n",
                    x, TOP, x, TOP + plotH, x + 3, TOP + 12, escape(marker.label())));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", LEFT + plotW / 2, HEIGHT - 8, escape(xLabel)));
        svg.append(String.format(Locale.ROOT,
                "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n", TOP + plotH / 2,
                escape(yLabel)));
        int legendY = TOP + 10;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                if (Double.isNaN(p[1]) || (logY && p[1] <= 0)) {
                    continue;
                }
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", sx.apply(p[0]), sy.apply(p[1])));
            }
            if (path.length() > 0) {
                svg.append(String.format(Locale.ROOT,
                        "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"/>\n", path, s.color()));
            }
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"3\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
                    LEFT + plotW + 12, legendY - 4, s.color(), LEFT + plotW + 30, legendY, escape(s.name())));
            legendY += 18;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The percentile with {@code n} nines: 0 %, 90 %, 99 %, 99.9 %, ... */
    static String nines(int n) {
        return switch (n) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            default -> "99." + "9".repeat(n - 2) + "%";
        };
    }

    static double niceStep(double rough) {
        if (rough <= 0 || Double.isNaN(rough)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double residual = rough / magnitude;
        double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String number(double value) {
        if (value >= 1 || value == 0) {
            return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

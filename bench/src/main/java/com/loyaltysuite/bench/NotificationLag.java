package com.loyaltysuite.bench;

import com.loyaltysuite.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;

/**
 * Samples notification-service once a second, as its dashboard shows it: from its Prometheus endpoint
 * the SMS sent and failed so far and the age of the oldest SMS that is due and not sent yet (the
 * "notification lag" panel), and from Kafka how many records of its topics its consumer group has not
 * committed (the "consumer lag" panel). {@link #judge} tells whether, over a step, both stayed bounded,
 * or the consumer kept up and the channel sent at its configured quota while the SMS waited in the
 * delivery table (rate-limited as configured), or neither.
 */
final class NotificationLag implements AutoCloseable {

    static final String SENT = "loyalty_notification_deliveries_total";
    static final String OLDEST = "loyalty_notification_deliveries_oldest_waiting_seconds";

    /**
     * When (System.nanoTime), SMS sent and failed so far, the oldest due SMS's age in seconds, and the
     * records notification-service's consumers are behind on its topics and the records on them so far
     * (end offsets; -1: not read).
     */
    record Sample(long atNanos, double sent, double failed, double oldestWaitingSeconds, long consumerLag,
            long records) {}

    /** Over a step: SMS sent per second after its first quarter, the oldest-waiting age, and the verdict. */
    record Verdict(String kind, double sentPerSecond, double failed, double oldestWaitingMaxSeconds,
            double oldestWaitingAtEndSeconds, double ageSlope, long consumerLagMax, LagFlatness.Verdict consumer,
            String reason) {}

    static final String GROUP = "notification-service";
    static final List<String> TOPICS = List.of(Topics.MEMBERS, Topics.TIERS, Topics.POINTS, Topics.BENEFITS, Topics.ANOMALIES);

    /** A bounded lag: the oldest SMS waits under this long at the end of a step ... */
    static final double BOUNDED_AGE_SECONDS = 10;
    /** ... and its age grows by less than this many seconds per second after the first quarter. */
    static final double BOUNDED_AGE_SLOPE = 0.1;
    /** Sending at this share of the quota or more counts as sending at the quota. */
    static final double AT_QUOTA = 0.9;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI metrics;
    private final Admin admin;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastError;

    NotificationLag(String notificationUrl, Admin admin) {
        this.metrics = URI.create(notificationUrl + "/actuator/prometheus");
        this.admin = admin;
        this.thread = new Thread(this::run, "bench-notification-lag");
        thread.setDaemon(true);
        thread.start();
    }

    /** The samples taken between two System.nanoTime instants. */
    List<Sample> between(long fromNanos, long toNanos) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.atNanos >= fromNanos && s.atNanos <= toNanos).toList();
        }
    }

    Sample latest() {
        synchronized (samples) {
            return samples.isEmpty() ? null : samples.get(samples.size() - 1);
        }
    }

    String lastError() {
        return lastError;
    }

    private void run() {
        long interval = TimeUnit.SECONDS.toNanos(1);
        long next = System.nanoTime();
        while (running) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    long[] lagAndEnd = consumerLag();
                    Sample sample = parse(System.nanoTime(), response.body(), lagAndEnd[0], lagAndEnd[1]);
                    synchronized (samples) {
                        samples.add(sample);
                    }
                } else {
                    lastError = "HTTP " + response.statusCode() + " from " + metrics;
                }
            } catch (java.io.IOException e) {
                lastError = e.toString();
            } catch (InterruptedException e) {
                return;
            }
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    /** Records behind, and records in all, on notification-service's topics; -1s when not read. */
    private long[] consumerLag() {
        try {
            return ConsumerLag.groupLagAndEnd(admin, GROUP, TOPICS);
        } catch (Exception e) {
            lastError = e.toString();
            return new long[] {-1, -1};
        }
    }

    /** The SMS figures of one scrape of the Prometheus text format. */
    static Sample parse(long atNanos, String exposition, long consumerLag, long records) {
        double sent = 0;
        double failed = 0;
        double oldest = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !line.contains("channel=\"SMS\"")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            double value = Double.parseDouble(line.substring(space + 1).trim());
            if (line.startsWith(SENT + "{")) {
                if (line.contains("status=\"SENT\"")) {
                    sent += value;
                } else if (line.contains("status=\"FAILED\"")) {
                    failed += value;
                }
            } else if (line.startsWith(OLDEST + "{")) {
                oldest = Math.max(oldest, value);
            }
        }
        return new Sample(atNanos, sent, failed, oldest, consumerLag, records);
    }

    /**
     * Judges a step from its samples: {@code quota} is the SMS provider's rate limit (messages/s), and
     * {@code startNanos} the step's start. The consumers are judged as the benchmark judges
     * points-service and tier-service ({@link LagFlatness}), against the rate records reached their
     * topics in the step (about 1.6 per order: points, benefit, tier and anomaly events).
     */
    static Verdict judge(List<Sample> samples, long startNanos, double stepSeconds, double quota) {
        List<Sample> settled = samples.stream()
                .filter(s -> (s.atNanos - startNanos) / 1e9 >= stepSeconds * 0.25)
                .toList();
        if (settled.size() < 3) {
            return new Verdict("unknown", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, null,
                    "too few samples of notification-service's metrics");
        }
        Sample first = settled.get(0);
        Sample last = settled.get(settled.size() - 1);
        double seconds = (last.atNanos - first.atNanos) / 1e9;
        double sentPerSecond = (last.sent - first.sent) / seconds;
        double failed = last.failed - samples.get(0).failed;
        List<LagFlatness.Point> ages = new ArrayList<>();
        List<LagFlatness.Point> behind = new ArrayList<>();
        for (Sample s : samples) {
            double t = (s.atNanos - startNanos) / 1e9;
            if (t >= stepSeconds * 0.25) {
                ages.add(new LagFlatness.Point(t, Math.round(s.oldestWaitingSeconds * 1000)));
            }
            if (s.consumerLag >= 0) {
                behind.add(new LagFlatness.Point(t, s.consumerLag));
            }
        }
        Sample firstRead = samples.stream().filter(s -> s.records >= 0).findFirst().orElse(first);
        Sample lastRead = samples.stream().filter(s -> s.records >= 0).reduce((a, b) -> b).orElse(last);
        double recordsPerSecond = lastRead.atNanos > firstRead.atNanos
                ? (lastRead.records - firstRead.records) / ((lastRead.atNanos - firstRead.atNanos) / 1e9)
                : 0;
        LagFlatness.Verdict consumer = LagFlatness.judge(behind, recordsPerSecond, stepSeconds);
        long consumerLagMax = behind.stream().mapToLong(LagFlatness.Point::lag).max().orElse(-1);
        double slope = LagFlatness.slope(ages) / 1000;
        double max = samples.stream().mapToDouble(Sample::oldestWaitingSeconds).max().orElse(0);
        double lastQuarterMax = settled.stream()
                .filter(s -> (s.atNanos - startNanos) / 1e9 >= stepSeconds * 0.75)
                .mapToDouble(Sample::oldestWaitingSeconds)
                .max()
                .orElse(last.oldestWaitingSeconds);
        String consumerText = consumer.flat()
                ? "its consumers kept up (at most " + consumerLagMax + " records behind)"
                : "its consumers fell behind: " + consumer.reason();
        if (consumer.flat() && slope < BOUNDED_AGE_SLOPE && lastQuarterMax < BOUNDED_AGE_SECONDS) {
            return new Verdict("bounded", sentPerSecond, failed, max, last.oldestWaitingSeconds, slope, consumerLagMax,
                    consumer, String.format(Locale.ROOT, "bounded: %.0f SMS/s, the oldest waited at most %.1f s; %s",
                            sentPerSecond, max, consumerText));
        }
        if (consumer.flat() && sentPerSecond >= AT_QUOTA * quota) {
            return new Verdict("rate-limited", sentPerSecond, failed, max, last.oldestWaitingSeconds, slope,
                    consumerLagMax, consumer, String.format(Locale.ROOT, "rate-limited as configured: %.0f SMS/s at a"
                            + " quota of %.0f/s; the oldest waits %.1f s at the end (+%.2f s per s); %s", sentPerSecond,
                            quota, last.oldestWaitingSeconds, slope, consumerText));
        }
        return new Verdict("behind", sentPerSecond, failed, max, last.oldestWaitingSeconds, slope, consumerLagMax,
                consumer, String.format(Locale.ROOT, "BEHIND: %.0f SMS/s (quota %.0f/s), the oldest waits %.1f s at the"
                        + " end (+%.2f s per s); %s", sentPerSecond, quota, last.oldestWaitingSeconds, slope,
                        consumerText));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }
}

package com.loyaltysuite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.loyaltysuite.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The order-pipeline benchmark's driver: a separate JVM that acts as the order system towards a
 * running local suite (started by {@code bench.sh}) and prints what the suite achieved. It prints
 * figures; it asserts nothing.
 */
public final class Bench {

    static final String SUITE = "suite";
    static final String DRIVER = "driver";
    static final String POSTGRES = "postgres";
    static final Duration SUITE_START_TIMEOUT = Duration.ofMinutes(10);
    /** notification-service's loyalty.notification.resilience.sms.rate-per-second, as an environment variable. */
    static final String SMS_QUOTA_VARIABLE = "LOYALTY_NOTIFICATION_RESILIENCE_SMS_RATEPERSECOND";

    private final BenchOptions options;
    /** The admin client's secret, handed to a suite this benchmark starts (rebuilds need the admin scope). */
    private final String adminSecret = ClientToken.secretForThisRun(ClientToken.ADMIN);
    /** The support console's secret, likewise: registering the SMS members needs its scope. */
    private final String supportSecret = ClientToken.secretForThisRun(ClientToken.SUPPORT);
    private final String runTag;
    private final long runBits;
    private final List<String> notes = new ArrayList<>();
    /** notification-service's SMS figures, sampled while the pipeline phases run with --sms-members. */
    private NotificationLag smsLag;

    private Bench(BenchOptions options) {
        this.options = options;
        long random = ThreadLocalRandom.current().nextLong();
        this.runTag = HexFormat.of().toHexDigits(random).substring(0, 6);
        this.runBits = OrderMessages.runBits(random);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        new Bench(options).run();
    }

    private void run() throws Exception {
        say("Benchmark run %s", runTag);
        String startedAt = Instant.now().toString();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        SuiteProcess suite = null;
        Thread stopOnExit = null;
        try {
            String bootstrap = options.bootstrap();
            long suitePid = options.suitePid();
            if (options.suiteCommand() != null) {
                Path log = options.outDir().resolve(stamp + "-suite.log");
                say("Starting the suite: %s (log: %s)", String.join(" ", options.suiteCommand()), log);
                suite = SuiteProcess.start(options.suiteCommand(), suiteEnvironment(Map.of()), log, SUITE_START_TIMEOUT);
                SuiteProcess started = suite;
                stopOnExit = new Thread(started::close, "bench-stop-suite");
                Runtime.getRuntime().addShutdownHook(stopOnExit);
                bootstrap = suite.bootstrap();
                suitePid = suite.pid();
                say("  ready, Kafka at %s", bootstrap);
            }
            Pipeline pipeline = pipeline(bootstrap, suitePid);

            List<ProjectionRebuild.Grown> stores = new ArrayList<>();
            List<ProjectionRebuild.Rebuilt> rebuilds = new ArrayList<>();
            if (options.rebuildEvents() > 0 && suite == null) {
                notes.add("Rebuild skipped: it stops and restarts the suite, which only works when the benchmark started it");
            } else if (options.rebuildEvents() > 0) {
                say("Stopping the suite to grow its event stores");
                suite.close();
                grow(stores);
                Path log = options.outDir().resolve(stamp + "-suite-rebuild.log");
                say("Starting the suite again on the same database (log: %s)", log);
                suite = SuiteProcess.start(options.suiteCommand(), suiteEnvironment(Map.of("LOYALTY_DB_URL", options.dbUrl(),
                        "LOYALTY_DB_USER", options.dbUser(), "LOYALTY_DB_PASSWORD", options.dbPassword())), log,
                        SUITE_START_TIMEOUT);
                SuiteProcess restarted = suite;
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
                stopOnExit = new Thread(restarted::close, "bench-stop-suite");
                Runtime.getRuntime().addShutdownHook(stopOnExit);
                rebuild(rebuilds);
            }
            Results results = new Results(
                    startedAt, Instant.now().toString(), options.label(), machine(bootstrap, pipeline.partitions()),
                    optionsMap(), pipeline.workload(), pipeline.open(), pipeline.max(), pipeline.rawKafka(),
                    pipeline.rawPostgres(), stores, rebuilds, pipeline.resources(),
                    ratios(pipeline.open(), pipeline.max(), pipeline.rawKafka(), pipeline.rawPostgres()), pipeline.sms(),
                    notes);
            write(results, stamp);
        } finally {
            if (suite != null) {
                say("Stopping the suite");
                suite.close();
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        }
    }

    /** What the pipeline phases measured, while the suite ran as started. */
    private record Pipeline(int partitions, Results.WorkloadInfo workload, Results.Phase open, Results.MaxRate max,
            RawLimits.Kafka rawKafka, RawLimits.Postgres rawPostgres, Results.Resources resources, Results.Sms sms) {}

    /** What a suite this benchmark starts is given: the clients' secrets and the SMS quota. */
    private Map<String, String> suiteEnvironment(Map<String, String> more) {
        Map<String, String> environment = new LinkedHashMap<>(more);
        environment.put(ClientToken.secretVariable(ClientToken.ADMIN), adminSecret);
        environment.put(ClientToken.secretVariable(ClientToken.SUPPORT), supportSecret);
        environment.put(SMS_QUOTA_VARIABLE, Long.toString(Math.round(options.smsQuota())));
        return environment;
    }

    private Pipeline pipeline(String bootstrap, long suitePid) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = admin.describeTopics(List.of(Topics.ORDER_PAID)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(Topics.ORDER_PAID).partitions().size();
            Workload workload = new Workload(options.members(), options.zipfExponent(), options.refundRatio(), options.seed());
            OrderLog log = new OrderLog(capacity(), partitions);
            List<ProcessProbe> probes = probes(suitePid);
            SmsMembers.Registered registered = null;
            double contactsSeconds = Double.NaN;
            if (options.smsMembers() > 0) {
                say("Registering the %,d most frequent members with SMS consent", options.smsMembers());
                registered = SmsMembers.register(options.memberUrl(), clientToken(ClientToken.SUPPORT).get(), runTag,
                        runBits, options.smsMembers());
                say("  %,d registered, %,d refused, in %.1f s%s", registered.registered(), registered.refused(),
                        registered.seconds(), registered.firstRefusal() == null ? "" : "; first refusal: "
                                + registered.firstRefusal());
                contactsSeconds = contactsKnown(admin);
                say("  notification-service had read every registration %.1f s after the last was answered",
                        contactsSeconds);
            }
            try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
                    ResourceMonitor resources = new ResourceMonitor(probes);
                    ConsumerLag lag = new ConsumerLag(admin, log, partitions, 250);
                    OutcomeListener outcomes = new OutcomeListener(bootstrap, log, runBits, runTag);
                    NotificationLag smsLag = options.smsMembers() > 0 ? new NotificationLag(options.notificationUrl(), admin) : null) {
                this.smsLag = smsLag;
                Map<String, Double> cpuAtStart = resources.cpuSeconds();
                OpenLoopSender sender = new OpenLoopSender(producer, workload, log, runBits, runTag, options.refundDelay());

                say("Warm-up: %.0f orders/s for %s", options.warmupRate(), human(options.warmup()));
                OpenLoopSender.Sent warm = sender.run("warm-up", options.warmupRate(), options.warmup(), () -> false);
                double warmDrain = drain(log, warm.firstOrder(), warm.endOrder());
                say("  %d orders, all processed %.1f s after the last was due%s", warm.orders(), warmDrain,
                        log.unfinished(warm.firstOrder(), warm.endOrder()) > 0 ? " (NOT all: check the suite log)" : "");

                RawLimits.Kafka rawKafka = null;
                RawLimits.Postgres rawPostgres = null;
                if (!options.rawDuration().isZero()) {
                    List<ProducerRecord<String, byte[]>> samples = samples();
                    say("Raw limit, Kafka: plain producer -> consumer, acks=all, %s", human(options.rawDuration()));
                    rawKafka = RawLimits.kafka(admin, bootstrap, runTag, partitions, samples, options.rawDuration());
                    say("  %,.0f records/s (%.0f bytes each)", rawKafka.recordsPerSecond(), rawKafka.averageRecordBytes());
                    say("Raw limit, PostgreSQL: single-row commits and batched inserts, %d connections, %s each",
                            RawLimits.PG_THREADS, human(options.rawDuration()));
                    rawPostgres = RawLimits.postgres(options.dbUrl(), options.dbUser(), options.dbPassword(), runTag,
                            samples.get(0).value(), options.rawDuration());
                    say("  %,.0f commits/s, %,.0f batched rows/s", rawPostgres.commitsPerSecond(),
                            rawPostgres.batchedRowsPerSecond());
                }

                Results.Phase open = null;
                if (options.openLoop()) {
                    say("Open loop: %.0f orders/s for %s", options.rate(), human(options.duration()));
                    Map<String, Double> before = resources.cpuSeconds();
                    OpenLoopSender.Sent sent = sender.run("open loop", options.rate(), options.duration(), () -> false);
                    double drained = drain(log, sent.firstOrder(), sent.endOrder());
                    open = phase(sent, log, drained, before, resources.cpuSeconds(), sent.orders());
                    say("  %s", Report.phaseLine(open));
                }

                Results.MaxRate max = null;
                if (options.maximumRate()) {
                    max = maximumRate(sender, log, lag, resources);
                }

                Results.Sms sms = registered == null ? null : smsBacklog(smsLag, registered, contactsSeconds);

                Map<String, Double> cpuAtEnd = resources.cpuSeconds();
                Map<String, Double> wholeRun = new LinkedHashMap<>();
                cpuAtEnd.forEach((name, cpu) -> wholeRun.put(name, cpu - cpuAtStart.getOrDefault(name, 0.0)));
                Map<String, Long> peak = new LinkedHashMap<>();
                resources.peakMemoryKb().forEach((name, kb) -> peak.put(name, kb / 1024));
                Map<String, Long> rootPeak = new LinkedHashMap<>();
                resources.rootHwmKb().forEach((name, kb) -> rootPeak.put(name, kb / 1024));
                Results.Resources used = new Results.Resources(wholeRun, peak, rootPeak, resources.processes());
                Results.WorkloadInfo info = new Results.WorkloadInfo(workload.members(), options.zipfExponent(),
                        workload.topMemberShare(), Workload.MEDIAN_AMOUNT, options.refundRatio(), options.seed(),
                        log.size(), refunds(open, max, warm), outcomes.tierChanges());
                return new Pipeline(partitions, info, open, max, rawKafka, rawPostgres, used, sms);
            }
        }
    }

    private Results.MaxRate maximumRate(OpenLoopSender sender, OrderLog log, ConsumerLag lag, ResourceMonitor resources)
            throws InterruptedException {
        record Raw(OpenLoopSender.Sent sent, Map<String, Double> before, Map<String, Double> after,
                LagFlatness.Verdict points, LagFlatness.Verdict tier, LagFlatness.Verdict endToEnd,
                List<Results.LagPoint> lag) {}
        List<Raw> raws = new ArrayList<>();
        say("Maximum sustained rate: steps %s orders/s, %s each, until consumer lag grows", options.steps(),
                human(options.stepDuration()));
        for (double rate : options.steps()) {
            settle(lag, rate);
            Map<String, Double> before = resources.cpuSeconds();
            long abortLag = (long) (rate * options.stepAbortSeconds());
            OpenLoopSender.Sent sent = sender.run("step " + (long) rate, rate, options.stepDuration(), () -> {
                ConsumerLag.Sample latest = lag.latest();
                return Math.max(latest.pointsLag(), latest.tierLag()) > abortLag;
            });
            Map<String, Double> after = resources.cpuSeconds();
            long[] earned = earnedTimes(log, sent.firstOrder(), sent.endOrder());
            List<LagFlatness.Point> pointsLag = new ArrayList<>();
            List<LagFlatness.Point> tierLag = new ArrayList<>();
            List<LagFlatness.Point> backlog = new ArrayList<>();
            List<Results.LagPoint> lagPoints = new ArrayList<>();
            for (ConsumerLag.Sample s : lag.between(sent.startNanos(), sent.endNanos())) {
                double t = (s.atNanos() - sent.startNanos()) / 1e9;
                long outstanding = sentBy(log, sent.firstOrder(), sent.endOrder(), s.atNanos())
                        - earnedBy(earned, s.atNanos());
                pointsLag.add(new LagFlatness.Point(t, s.pointsLag()));
                tierLag.add(new LagFlatness.Point(t, s.tierLag()));
                backlog.add(new LagFlatness.Point(t, outstanding));
                lagPoints.add(new Results.LagPoint(t, s.pointsLag(), s.tierLag(), outstanding));
            }
            double seconds = options.stepDuration().toNanos() / 1e9;
            LagFlatness.Verdict stopped = new LagFlatness.Verdict(false, Double.NaN, -1,
                    "stopped: over " + abortLag + " behind");
            LagFlatness.Verdict points = sent.aborted() ? stopped : LagFlatness.judge(pointsLag, rate, seconds);
            LagFlatness.Verdict tier = sent.aborted() ? stopped : LagFlatness.judge(tierLag, rate, seconds);
            LagFlatness.Verdict endToEnd = sent.aborted() ? stopped : LagFlatness.judge(backlog, rate, seconds);
            raws.add(new Raw(sent, before, after, points, tier, endToEnd, lagPoints));
            say("  %5.0f orders/s: points-service %s; tier-service %s; PointsEarned backlog %s", rate, points.reason(),
                    tier.reason(), endToEnd.reason());
            if (!points.flat() || !tier.flat() || !endToEnd.flat()) {
                break;
            }
        }
        int from = raws.get(0).sent().firstOrder();
        int to = raws.get(raws.size() - 1).sent().endOrder();
        double drained = drain(log, from, to);
        List<Results.Step> steps = new ArrayList<>();
        double maxFlat = 0;
        double best = 0;
        for (Raw raw : raws) {
            int completions = completions(log, raw.sent().startNanos(), raw.sent().endNanos());
            Results.Phase phase = phase(raw.sent(), log, drained, raw.before(), raw.after(), completions);
            boolean flat = raw.points().flat() && raw.tier().flat() && raw.endToEnd().flat();
            steps.add(new Results.Step(phase, raw.points(), raw.tier(), raw.endToEnd(), flat, raw.lag()));
            if (flat) {
                maxFlat = Math.max(maxFlat, raw.sent().rate());
            }
            best = Math.max(best, phase.completionsPerSecondInWindow());
            say("  %s", Report.phaseLine(phase));
        }
        return new Results.MaxRate(steps, maxFlat, best);
    }

    /**
     * Waits (up to the drain timeout) until notification-service has read all of loyalty.members.v1, so
     * the measured phases start with every SMS member's contact known; returns the seconds waited.
     */
    private double contactsKnown(Admin admin) throws Exception {
        long start = System.nanoTime();
        long deadline = start + options.drainTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (ConsumerLag.groupLagAndEnd(admin, NotificationLag.GROUP, List.of(Topics.MEMBERS))[0] == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(250);
        }
        notes.add("notification-service had not read every registration " + human(options.drainTimeout())
                + " after the last: the first phase's SMS waited for contacts");
        return Double.NaN;
    }

    /** A step starts from an empty backlog: waits (up to the drain timeout) until both groups are under a second behind. */
    private void settle(ConsumerLag lag, double rate) throws InterruptedException {
        long limit = Math.max(100, (long) rate);
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerLag.Sample latest = lag.latest();
            if (latest.atNanos() != 0 && Math.max(latest.pointsLag(), latest.tierLag()) <= limit) {
                return;
            }
            Thread.sleep(250);
        }
        notes.add("The step at " + (long) rate + "/s started with a backlog: still " + lag.latest().pointsLag() + " / "
                + lag.latest().tierLag() + " records behind after waiting " + human(options.drainTimeout()));
    }

    /** A client of the suite's issuer: run-local's default port, moved by LOYALTY_PORT_OFFSET like the services. */
    private ClientToken clientToken(String client) {
        String issuer = System.getenv("LOYALTY_ISSUER_URL");
        if (issuer == null || issuer.isBlank()) {
            issuer = "http://127.0.0.1:" + (9000 + Integer.parseInt(System.getenv().getOrDefault("LOYALTY_PORT_OFFSET", "0").trim()));
        }
        return client.equals(ClientToken.ADMIN)
                ? new ClientToken(issuer, client, "loyalty.admin", adminSecret)
                : new ClientToken(issuer, client, "loyalty.support.write", supportSecret);
    }

    /**
     * After the last phase: waits (up to the drain timeout) until no SMS is due and unsent, which is
     * how long the backlog a quota built up took to go out.
     */
    private Results.Sms smsBacklog(NotificationLag lag, SmsMembers.Registered registered, double contactsSeconds)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + options.drainTimeout().toNanos();
        double drained = Double.NaN;
        while (System.nanoTime() < deadline) {
            NotificationLag.Sample latest = lag.latest();
            if (latest != null && latest.atNanos() > start && latest.oldestWaitingSeconds() == 0) {
                drained = (latest.atNanos() - start) / 1e9;
                break;
            }
            Thread.sleep(250);
        }
        NotificationLag.Sample last = lag.latest();
        if (last == null) {
            notes.add("notification-service's metrics could not be read: " + lag.lastError());
        } else if (Double.isNaN(drained)) {
            notes.add("SMS still waiting " + human(options.drainTimeout()) + " after the last phase: the oldest for "
                    + last.oldestWaitingSeconds() + " s");
        }
        say("SMS backlog: %s; %,.0f SMS sent, %,.0f failed in all", Double.isNaN(drained) ? "still waiting"
                : String.format(Locale.ROOT, "gone %.1f s after the last phase", drained),
                last == null ? 0 : last.sent(), last == null ? 0 : last.failed());
        return new Results.Sms(options.smsMembers(), registered.registered(), registered.refused(), registered.seconds(),
                contactsSeconds, options.smsQuota(), drained, last == null ? Double.NaN : last.sent(),
                last == null ? Double.NaN : last.failed());
    }

    private void grow(List<ProjectionRebuild.Grown> stores) throws SQLException {
        ProjectionRebuild rebuild = new ProjectionRebuild(options.dbUrl(), options.dbUser(), options.dbPassword(), clientToken(ClientToken.ADMIN));
        for (String schema : List.of("points", "tier")) {
            say("Growing the %s event store to %,d events (copies of this run's events)", schema, options.rebuildEvents());
            ProjectionRebuild.Grown grown = rebuild.grow(schema, options.rebuildEvents());
            stores.add(grown);
            say("  %,d recorded + %,d copied = %,d events in %.1f s", grown.recorded(), grown.copied(), grown.total(),
                    grown.copySeconds());
        }
    }

    private void rebuild(List<ProjectionRebuild.Rebuilt> rebuilds) throws Exception {
        ProjectionRebuild rebuild = new ProjectionRebuild(options.dbUrl(), options.dbUser(), options.dbPassword(), clientToken(ClientToken.ADMIN));
        Duration timeout = Duration.ofMinutes(30);
        for (String[] target : List.of(
                new String[] {"points-service", options.pointsUrl(), "points-ledger", "points"},
                new String[] {"tier-service", options.tierUrl(), "member-tier", "tier"},
                new String[] {"tier-service", options.tierUrl(), "tier-history", "tier"})) {
            say("Rebuilding %s of %s", target[2], target[0]);
            ProjectionRebuild.Rebuilt rebuilt = rebuild.rebuild(target[0], target[1], target[2], target[3], timeout);
            rebuilds.add(rebuilt);
            say("  %,d events in %.1f s: %,.0f events/s (%s)", rebuilt.events(), rebuilt.seconds(),
                    rebuilt.eventsPerSecond(), rebuilt.outcome());
        }
    }

    private Results.Phase phase(OpenLoopSender.Sent sent, OrderLog log, double drained, Map<String, Double> before,
            Map<String, Double> after, int ordersForCpu) {
        int from = sent.firstOrder();
        int to = sent.endOrder();
        var points = LatencyStats.histogramOf(from, to, log::scheduled, log::pointsAt);
        var tier = LatencyStats.histogramOf(from, to, log::scheduled, log::tierChangeAt);
        long fully = 0;
        long lastDone = 0;
        for (int i = from; i < to; i++) {
            long done = log.doneAt(i);
            if (done != 0) {
                fully++;
                lastDone = Math.max(lastDone, done);
            }
        }
        double fullySpan = (Math.max(lastDone, sent.endNanos()) - sent.startNanos()) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> cpuPerOrder = new LinkedHashMap<>();
        after.forEach((name, value) -> {
            double used = value - before.getOrDefault(name, 0.0);
            cpu.put(name, used);
            cpuPerOrder.put(name, ordersForCpu == 0 ? Double.NaN : used * 1000 / ordersForCpu);
        });
        return new Results.Phase(
                sent.name(), sent.rate(), sent.seconds(), sent.orders(), sent.refunds(), sent.aborted(),
                LatencyStats.of(points, sent.orders() - points.getTotalCount()),
                LatencyStats.of(tier, 0),
                fully,
                fully / fullySpan,
                completions(log, sent.startNanos(), sent.endNanos()) / sent.seconds(),
                drained,
                cpu,
                cpuPerOrder,
                LatencyStats.perSecond(from, to, sent.startNanos(), log::scheduled, log::pointsAt),
                LatencyStats.curve(points),
                LatencyStats.curve(tier),
                smsLag == null ? null : NotificationLag.judge(smsLag.between(sent.startNanos(), sent.endNanos()),
                        sent.startNanos(), sent.seconds(), options.smsQuota()));
    }

    /** When each order in [from, to) got its PointsEarned, sorted; orders without one are left out. */
    private static long[] earnedTimes(OrderLog log, int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToLong(log::pointsAt).filter(at -> at != 0).sorted().toArray();
    }

    private static long earnedBy(long[] sortedEarned, long atNanos) {
        int index = java.util.Arrays.binarySearch(sortedEarned, atNanos);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** Orders in [from, to) due by then (the log is in schedule order). */
    private static long sentBy(OrderLog log, int from, int to, long atNanos) {
        int low = from;
        int high = to;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (log.scheduled(mid) <= atNanos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - from;
    }

    /** Orders of any phase fully processed between two instants. */
    private static int completions(OrderLog log, long fromNanos, long toNanos) {
        int count = 0;
        for (int i = 0; i < log.size(); i++) {
            long done = log.doneAt(i);
            if (done >= fromNanos && done <= toNanos) {
                count++;
            }
        }
        return count;
    }

    /** Waits until orders [from, to) are fully processed or the drain timeout passes; returns seconds waited. */
    private double drain(OrderLog log, int from, int to) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + options.drainTimeout().toNanos();
        while (log.unfinished(from, to) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        int left = log.unfinished(from, to);
        if (left > 0) {
            notes.add(left + " of " + (to - from) + " orders were not fully processed within the drain timeout of "
                    + human(options.drainTimeout()));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private int capacity() {
        double orders = options.warmupRate() * options.warmup().toSeconds();
        if (options.openLoop()) {
            orders += options.rate() * options.duration().toNanos() / 1e9;
        }
        if (options.maximumRate()) {
            for (double rate : options.steps()) {
                orders += rate * options.stepDuration().toNanos() / 1e9;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, orders * 1.01 + 1000);
    }

    private List<ProcessProbe> probes(long suitePid) {
        List<ProcessProbe> probes = new ArrayList<>();
        if (!ProcessProbe.supported()) {
            notes.add("No /proc: CPU and memory per process are not measured");
            return probes;
        }
        if (suitePid > 0) {
            probes.add(new ProcessProbe(SUITE, suitePid, true));
        } else {
            notes.add("No --suite-pid: the suite's CPU and memory are not measured");
        }
        // The driver alone: the suite is its child.
        probes.add(new ProcessProbe(DRIVER, ProcessHandle.current().pid(), false));
        try (Connection connection = DriverManager.getConnection(options.dbUrl(), options.dbUser(), options.dbPassword());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            long postmaster = ProcessProbe.parentOf(rows.getLong(1));
            if (postmaster > 1) {
                probes.add(new ProcessProbe(POSTGRES, postmaster, true));
            } else {
                notes.add("PostgreSQL runs elsewhere (its backend is not a local process): not measured");
            }
        } catch (SQLException e) {
            notes.add("PostgreSQL not measured: " + e.getMessage());
        }
        return probes;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.CLIENT_ID_CONFIG, "bench-order-system",
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 1),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** OrderPaid records of the run's own workload, for the raw Kafka limit (same sizes, same headers). */
    private List<ProducerRecord<String, byte[]>> samples() {
        Workload workload = new Workload(options.members(), options.zipfExponent(), 0, options.seed() + 1);
        List<ProducerRecord<String, byte[]>> samples = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String member = OpenLoopSender.memberId(runTag, workload.nextMember());
            samples.add(OrderMessages.orderPaid(OrderMessages.eventId(runBits ^ 1, i), "X-" + runTag + "-" + i, member,
                    workload.nextAmount(), Instant.now(), workload.nextChannel(), workload.nextCategory()));
        }
        return samples;
    }

    private static int refunds(Results.Phase open, Results.MaxRate max, OpenLoopSender.Sent warm) {
        int refunds = warm.refunds() + (open == null ? 0 : open.refunds());
        if (max != null) {
            refunds += max.steps().stream().mapToInt(s -> s.phase().refunds()).sum();
        }
        return refunds;
    }

    private static Map<String, Double> ratios(Results.Phase open, Results.MaxRate max, RawLimits.Kafka kafka,
            RawLimits.Postgres pg) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        if (open != null) {
            figures.put("open loop fully processed orders/s", open.fullyProcessedPerSecond());
        }
        if (max != null) {
            figures.put("max sustained orders/s", max.maxSustainedRate());
            figures.put("best completions/s", max.bestCompletionsPerSecond());
        }
        figures.forEach((name, value) -> {
            if (value <= 0) {
                return;
            }
            if (kafka != null) {
                ratios.put(name + " / Kafka records/s", value / kafka.recordsPerSecond());
            }
            if (pg != null) {
                ratios.put(name + " / PostgreSQL commits/s", value / pg.commitsPerSecond());
                ratios.put(name + " / PostgreSQL batched rows/s", value / pg.batchedRowsPerSecond());
            }
        });
        return ratios;
    }

    private Results.Machine machine(String bootstrap, int partitions) {
        String cpu = "";
        long memoryMb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("");
            memoryMb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(0);
        } catch (IOException e) {
            // not Linux: left empty
        }
        String postgres = "";
        try (Connection connection = DriverManager.getConnection(options.dbUrl(), options.dbUser(), options.dbPassword());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show server_version")) {
            rows.next();
            postgres = rows.getString(1);
        } catch (SQLException e) {
            postgres = "unknown";
        }
        return new Results.Machine(Runtime.getRuntime().availableProcessors(), cpu, memoryMb,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"), postgres,
                System.getenv().getOrDefault("BENCH_COMMIT", ""), bootstrap, partitions);
    }

    private Map<String, Object> optionsMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", options.mode());
        map.put("members", options.members());
        map.put("zipf", options.zipfExponent());
        map.put("seed", options.seed());
        map.put("rate", options.rate());
        map.put("duration", human(options.duration()));
        map.put("steps", options.steps());
        map.put("stepDuration", human(options.stepDuration()));
        map.put("warmupRate", options.warmupRate());
        map.put("warmup", human(options.warmup()));
        map.put("refunds", options.refundRatio());
        map.put("refundDelay", human(options.refundDelay()));
        map.put("rawDuration", human(options.rawDuration()));
        map.put("rebuildEvents", options.rebuildEvents());
        map.put("drainTimeout", human(options.drainTimeout()));
        map.put("smsMembers", options.smsMembers());
        map.put("smsQuota", options.smsQuota());
        return map;
    }

    private void write(Results results, String stamp) throws IOException {
        Files.createDirectories(options.outDir());
        Path json = options.outDir().resolve(stamp + ".json");
        Path html = options.outDir().resolve(stamp + ".html");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        Files.writeString(html, HtmlChart.render(results));
        System.out.println();
        System.out.print(Report.table(results));
        System.out.println();
        System.out.println("Results: " + json);
        System.out.println("Chart:   " + html);
        Path png = screenshot(html);
        if (png != null) {
            System.out.println("PNG:     " + png);
        }
    }

    /** A PNG of the page when a headless Chromium is installed; null otherwise. */
    private static Path screenshot(Path html) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String browser : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path executable = Path.of(dir, browser);
                if (Files.isExecutable(executable)) {
                    Path png = Path.of(html.toString().replaceAll("\\.html$", ".png")).toAbsolutePath();
                    try {
                        Process process = new ProcessBuilder(executable.toString(), "--headless", "--disable-gpu",
                                        "--no-sandbox", "--hide-scrollbars", "--window-size=1100,2600",
                                        "--screenshot=" + png, html.toAbsolutePath().toUri().toString())
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start();
                        if (!process.waitFor(60, TimeUnit.SECONDS)) {
                            process.destroyForcibly();
                        }
                        return Files.exists(png) ? png : null;
                    } catch (IOException e) {
                        return null;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }
            }
        }
        return null;
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis >= 60_000) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static void say(String format, Object... args) {
        System.out.printf("[%s] %s%n", DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now()),
                String.format(format, args));
    }
}

package com.loyaltysuite.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What one run does; {@code --quick} first sets a two-minute preset that later options refine. */
record BenchOptions(
        String mode,
        List<String> suiteCommand,
        String bootstrap,
        long suitePid,
        int members,
        double zipfExponent,
        long seed,
        double rate,
        Duration duration,
        List<Double> steps,
        Duration stepDuration,
        double stepAbortSeconds,
        double warmupRate,
        Duration warmup,
        double refundRatio,
        Duration refundDelay,
        Duration rawDuration,
        long rebuildEvents,
        Duration drainTimeout,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String pointsUrl,
        String tierUrl,
        String memberUrl,
        String notificationUrl,
        int smsMembers,
        double smsQuota,
        Path outDir,
        String label) {

    static final String USAGE = """
            Usage: ./bench.sh [options]
              --quick                 a short run (a few minutes): 2,000 members, 100/s for 20 s, steps 100,200
                                      of 15 s, 5 s raw limits, a 60,000-event rebuild (later options still apply)
              --no-build              (bench.sh) reuse the jars built before
              --mode all|open|max     which pipeline modes to run (default all)
              --members N             members ordering (default 100000)
              --zipf S                skew of who orders: member of rank k orders with weight 1/k^S (default 0.8)
              --seed N                workload seed (default 42)
              --rate R                open loop: orders per second (default 500)
              --duration D            open loop: how long (default 60s)
              --steps R1,R2,...       maximum rate: offered rates, tried in order until lag grows
                                      (default 500,1000,1500,2000,2500,3000)
              --step-duration D       maximum rate: how long each step is held (default 60s)
              --warmup D              warm-up before anything is measured (default 20s)
              --warmup-rate R         warm-up orders per second (default 200)
              --refunds F             share of orders refunded later, partly or fully (default 0.05)
              --refund-delay D        a refund follows its order after 1 s to D (default 10s)
              --raw-duration D        length of each raw-limit measurement; 0 skips them (default 10s)
              --rebuild-events N      events per event store to replay in the rebuild; 0 skips it (default 1000000)
              --drain-timeout D       how long to wait for the suite to finish a phase's orders (default 120s)
              --sms-members N         register the N most frequent members with SMS consent first, so each of their
                                      orders sends a transaction SMS, and report the SMS channel's lag (default 0)
              --sms-quota R           the SMS provider's rate limit in messages/s, given to the suite this run
                                      starts (default 100, the suite's own)
              --label TEXT            a note stored with the results (e.g. the machine)
              --out DIR               where results go (default bench/target/results)
            Given by bench.sh: --suite-command "java ... -jar local-suite/...-exec.jar --no-demo" (how run-local.sh
            starts the suite). Or drive a suite that is already running: --bootstrap HOST:PORT [--suite-pid PID]
            (no rebuild then: it needs to stop and restart the suite). Database: LOYALTY_DB_URL/_USER/_PASSWORD or
            --db-url/--db-user/--db-password (default the local run's loyalty_local). Durations: 500ms, 20s, 2m.
            """;

    static BenchOptions parse(String... args) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        Builder b = new Builder();
        if (list.remove("--quick")) {
            b.quick();
        }
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i);
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            }
            String value = list.get(++i);
            switch (name) {
                case "--mode" -> b.mode = mode(value);
                case "--suite-command" -> b.suiteCommand = List.of(value.trim().split("\\s+"));
                case "--bootstrap" -> b.bootstrap = value;
                case "--suite-pid" -> b.suitePid = Long.parseLong(value);
                case "--members" -> b.members = positive(name, Integer.parseInt(value));
                case "--zipf" -> b.zipf = Double.parseDouble(value);
                case "--seed" -> b.seed = Long.parseLong(value);
                case "--rate" -> b.rate = positive(name, Double.parseDouble(value));
                case "--duration" -> b.duration = duration(value);
                case "--steps" -> b.steps = rates(value);
                case "--step-duration" -> b.stepDuration = duration(value);
                case "--warmup" -> b.warmup = duration(value);
                case "--warmup-rate" -> b.warmupRate = positive(name, Double.parseDouble(value));
                case "--refunds" -> b.refunds = Double.parseDouble(value);
                case "--refund-delay" -> b.refundDelay = duration(value);
                case "--raw-duration" -> b.rawDuration = duration(value);
                case "--rebuild-events" -> b.rebuildEvents = Long.parseLong(value);
                case "--drain-timeout" -> b.drainTimeout = duration(value);
                case "--db-url" -> b.dbUrl = value;
                case "--db-user" -> b.dbUser = value;
                case "--db-password" -> b.dbPassword = value;
                case "--points-url" -> b.pointsUrl = value;
                case "--tier-url" -> b.tierUrl = value;
                case "--member-url" -> b.memberUrl = value;
                case "--notification-url" -> b.notificationUrl = value;
                case "--sms-members" -> b.smsMembers = Integer.parseInt(value);
                case "--sms-quota" -> b.smsQuota = positive(name, Double.parseDouble(value));
                case "--out" -> b.out = Path.of(value);
                case "--label" -> b.label = value;
                default -> throw new IllegalArgumentException("Unknown option " + name);
            }
        }
        if ((b.bootstrap == null) == (b.suiteCommand == null)) {
            throw new IllegalArgumentException("Give either --suite-command (bench.sh does) or --bootstrap");
        }
        if (b.smsMembers < 0 || b.smsMembers > Math.min(b.members, 100_000)) {
            throw new IllegalArgumentException("--sms-members is between 0 and --members (at most 100,000)");
        }
        if (b.refunds < 0 || b.refunds > 1) {
            throw new IllegalArgumentException("--refunds is a share between 0 and 1");
        }
        return new BenchOptions(b.mode, b.suiteCommand, b.bootstrap, b.suitePid, b.members, b.zipf, b.seed, b.rate, b.duration,
                b.steps, b.stepDuration, 15.0, b.warmupRate, b.warmup, b.refunds, b.refundDelay, b.rawDuration,
                b.rebuildEvents, b.drainTimeout, b.dbUrl, b.dbUser, b.dbPassword, b.pointsUrl, b.tierUrl, b.memberUrl,
                b.notificationUrl, b.smsMembers, b.smsQuota, b.out,
                b.label);
    }

    boolean openLoop() {
        return mode.equals("all") || mode.equals("open");
    }

    boolean maximumRate() {
        return mode.equals("all") || mode.equals("max");
    }

    /** "60s", "2m", "500ms", "1h", or a bare number of seconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            if (t.endsWith("h")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a duration: '" + text + "' (e.g. 500ms, 20s, 2m)");
        }
    }

    private static List<Double> rates(String text) {
        List<Double> rates = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                rates.add(positive("--steps", Double.parseDouble(part.trim())));
            }
        }
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("--steps needs at least one rate");
        }
        return List.copyOf(rates);
    }

    private static String mode(String value) {
        if (!List.of("all", "open", "max").contains(value)) {
            throw new IllegalArgumentException("--mode is all, open or max");
        }
        return value;
    }

    private static <N extends Number> N positive(String name, N value) {
        if (value.doubleValue() <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    private static final class Builder {
        String mode = "all";
        List<String> suiteCommand;
        String bootstrap;
        long suitePid;
        int members = 100_000;
        double zipf = 0.8;
        long seed = 42;
        double rate = 500;
        Duration duration = Duration.ofSeconds(60);
        List<Double> steps = List.of(500.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0);
        Duration stepDuration = Duration.ofSeconds(60);
        double warmupRate = 200;
        Duration warmup = Duration.ofSeconds(20);
        double refunds = 0.05;
        Duration refundDelay = Duration.ofSeconds(10);
        Duration rawDuration = Duration.ofSeconds(10);
        long rebuildEvents = 1_000_000;
        Duration drainTimeout = Duration.ofSeconds(120);
        String dbUrl = env("LOYALTY_DB_URL", "jdbc:postgresql://127.0.0.1:5432/loyalty_local");
        String dbUser = env("LOYALTY_DB_USER", "postgres");
        String dbPassword = env("LOYALTY_DB_PASSWORD", "");
        // The suite honours LOYALTY_PORT_OFFSET (run-local.sh's setting), and so does the benchmark.
        String pointsUrl = "http://127.0.0.1:" + (8082 + portOffset());
        String tierUrl = "http://127.0.0.1:" + (8083 + portOffset());
        String memberUrl = "http://127.0.0.1:" + (8081 + portOffset());
        String notificationUrl = "http://127.0.0.1:" + (8085 + portOffset());
        int smsMembers = 0;
        double smsQuota = 100;
        Path out = Path.of("bench", "target", "results");
        String label = "";

        void quick() {
            members = 2_000;
            rate = 100;
            duration = Duration.ofSeconds(20);
            steps = List.of(100.0, 200.0);
            stepDuration = Duration.ofSeconds(15);
            warmupRate = 50;
            warmup = Duration.ofSeconds(5);
            rawDuration = Duration.ofSeconds(5);
            rebuildEvents = 60_000;
            drainTimeout = Duration.ofSeconds(60);
        }

        private static int portOffset() {
            return Integer.parseInt(env("LOYALTY_PORT_OFFSET", "0"));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}

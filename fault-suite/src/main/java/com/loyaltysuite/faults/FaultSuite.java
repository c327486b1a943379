package com.loyaltysuite.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault suite's driver: runs the scenarios named on the command line (all when none is), each on
 * fresh brokers and a fresh database, prints one row per scenario and writes the table to the run's
 * directory. Exits 1 when any scenario lost or doubled anything, or did not reconcile.
 *
 * <p>Options: {@code --orders N} (default 6000), {@code --rate R} orders/s (default 60), {@code
 * --members N} (default 300), {@code --seed S}, {@code --outage-seconds S} (how long the outage
 * scenario's providers stay down, default 60). Locations come from the environment: {@code
 * FAULTS_REPOSITORY} (the checkout with the built service jars), {@code FAULTS_SELF_JAR} (this jar),
 * {@code FAULTS_OUTPUT}, {@code FAULTS_PG_VERSION}, {@code FAULTS_PG_CLUSTER}, {@code FAULTS_PG_PORT}.
 */
public final class FaultSuite {

    static final Map<String, String> SCENARIOS = scenarios();

    private FaultSuite() {}

    public static void main(String[] args) throws Exception {
        // bench's logback.xml is on the classpath too; the driver has its own.
        System.setProperty("logback.configurationFile", "logback-faults.xml");
        List<String> names = new ArrayList<>();
        Scenarios.Options options = new Scenarios.Options(6000, 60, 300, 42, 60);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--orders" -> options = options.withOrders(Integer.parseInt(args[++i]));
                case "--rate" -> options = options.withRate(Double.parseDouble(args[++i]));
                case "--members" -> options = options.withMembers(Integer.parseInt(args[++i]));
                case "--seed" -> options = options.withSeed(Long.parseLong(args[++i]));
                case "--outage-seconds" -> options = options.withOutageSeconds(Integer.parseInt(args[++i]));
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    if (!SCENARIOS.containsKey(args[i])) {
                        System.err.println("Unknown scenario or option: " + args[i]);
                        usage();
                        System.exit(2);
                    }
                    names.add(args[i]);
                }
            }
        }
        if (names.isEmpty()) {
            names.addAll(SCENARIOS.keySet());
        }
        Path output = Path.of(env("FAULTS_OUTPUT", "fault-suite/target/faults"))
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(output);
        Stage.Settings settings = new Stage.Settings(
                Path.of(env("FAULTS_REPOSITORY", ".")).toAbsolutePath(),
                Path.of(env("FAULTS_SELF_JAR", "fault-suite/target/fault-suite-0.1.0-SNAPSHOT-exec.jar")).toAbsolutePath(),
                output.toAbsolutePath(),
                env("FAULTS_PG_VERSION", "15"),
                env("FAULTS_PG_CLUSTER", "faults"),
                Integer.parseInt(env("FAULTS_PG_PORT", "5433")));
        Scenarios scenarios = new Scenarios(settings, options);
        List<Scenarios.Row> rows = new ArrayList<>();
        for (String name : names) {
            log("=== scenario " + name + ": " + SCENARIOS.get(name));
            Scenarios.Row row;
            try {
                row = scenarios.run(name);
            } catch (Exception e) {
                e.printStackTrace();
                row = new Scenarios.Row(name, 0, "ERROR: " + e.getMessage(), -1, -1, "-");
            }
            rows.add(row);
            log(table(List.of(row)));
        }
        String table = table(rows);
        System.out.println();
        System.out.println(table);
        Files.writeString(output.resolve("summary.md"), table);
        log("Logs and the table: " + output);
        boolean passed = rows.stream().allMatch(r -> r.outcome().startsWith("PASS"));
        System.exit(passed ? 0 : 1);
    }

    static String table(List<Scenarios.Row> rows) {
        StringBuilder text = new StringBuilder(
                "| scenario | events in | outcome | lost | doubled | time to recover |\n"
                        + "|---|---:|---|---:|---:|---|\n");
        for (Scenarios.Row row : rows) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %d | %s |%n",
                    row.scenario(), row.eventsIn(), row.outcome(), row.lost(), row.doubled(), row.recovery()));
        }
        return text.toString();
    }

    static void log(String message) {
        System.out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + message);
    }

    private static void usage() {
        System.out.println("./faults.sh [--orders N] [--rate R] [--members N] [--seed S] [--outage-seconds S] [scenario...]");
        SCENARIOS.forEach((name, what) -> System.out.println("  " + name + ": " + what));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Map<String, String> scenarios() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("crash", "kill -9 points-service, then tier-service, under load; restart each (and points-service once more during the refunds)");
        s.put("poison", "hostile records interleaved with good orders: each dead-lettered once with its reason and counted");
        s.put("failover", "two points-service instances share the partitions and segments; kill -9 one, the other takes over");
        s.put("postgres", "PostgreSQL restarted (pg_ctlcluster restart) under load");
        s.put("brokers", "three brokers, RF 3, min ISR 2; kill -9 one under load, bring it back");
        s.put("outage", "the SMTP server and the SMS gateway down for --outage-seconds (default 60) under load, then back: every message delivered exactly once");
        s.put("control", "no fault; checks the check: a phantom order added to the expected figures must be reported lost");
        return s;
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}

package com.loyaltysuite.faults;

import static com.loyaltysuite.faults.FaultSuite.log;

import com.loyaltysuite.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The scenarios. Each: fresh brokers and database, the service instances it needs started from their
 * jars, the load (orders, then their refunds) with the fault injected at fixed points of it from a
 * separate thread (so the load keeps its rate), then the exact reconciliation.
 *
 * <p>Time to recover is measured from the end of the fault (the restart issued, or the kill when
 * nothing is restarted; for PostgreSQL, the restart command) until every order sent before that moment has its PointsEarned published
 * (points-service faults, PostgreSQL, brokers), or until tier-service's group is within one second of
 * traffic again (tier-service faults).
 */
final class Scenarios {

    record Options(int orders, double rate, int members, long seed, int outageSeconds) {
        Options withOrders(int v) {
            return new Options(v, rate, members, seed, outageSeconds);
        }

        Options withRate(double v) {
            return new Options(orders, v, members, seed, outageSeconds);
        }

        Options withMembers(int v) {
            return new Options(orders, rate, v, seed, outageSeconds);
        }

        Options withSeed(long v) {
            return new Options(orders, rate, members, v, outageSeconds);
        }

        Options withOutageSeconds(int v) {
            return new Options(orders, rate, members, seed, v);
        }
    }

    record Row(String scenario, int eventsIn, String outcome, int lost, int doubled, String recovery) {}

    private record Instance(String name, String service, int port) {}

    private static final Instance POINTS = new Instance("points-service", "points-service", 18082);
    private static final Instance POINTS_B = new Instance("points-service-b", "points-service", 18086);
    private static final Instance TIER = new Instance("tier-service", "tier-service", 18083);
    private static final Instance MEMBER = new Instance("member-service", "member-service", 18081);
    private static final Instance NOTIFICATION = new Instance("notification-service", "notification-service", 18084);
    private static final int SMS_PORT = 18026;
    private static final int SMTP_PORT = 18025;
    private static final Duration DOWN_FOR = Duration.ofSeconds(5);

    private final Stage.Settings settings;
    private final Options options;

    Scenarios(Stage.Settings settings, Options options) {
        this.settings = settings;
        this.options = options;
    }

    Row run(String name) throws Exception {
        return switch (name) {
            case "crash" -> crash();
            case "poison" -> poison();
            case "failover" -> failover();
            case "postgres" -> postgres();
            case "brokers" -> brokers();
            case "control" -> control();
            case "outage" -> outage();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** What a scenario does to the running pieces, and when. */
    private interface Plan {
        /** After the brokers and the database are up, before the services start. */
        default void prepare(Stage stage) throws Exception {}

        /** Extra arguments for one service instance. */
        default List<String> arguments(Instance instance) {
            return List.of();
        }

        /** Once the services are healthy, before the first order. */
        default void beforeLoad(Run run) throws Exception {}

        default void beforeOrder(int k, Run run) throws Exception {}

        default void beforeRefund(int k, Run run) throws Exception {}

        default void after(Run run, List<String> problems) throws Exception {}

        default int extraEventsIn() {
            return 0;
        }
    }

    /** A scenario while it runs: its stage, load, output and the recoveries measured so far. */
    private final class Run {
        final Stage stage;
        final Load load;
        final OutputReader output;
        final Lag lag;
        final ExecutorService faults = Executors.newSingleThreadExecutor();
        final List<String> recoveries = Collections.synchronizedList(new ArrayList<>());
        final List<String> faultErrors = Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.atomic.AtomicInteger pendingFaults = new java.util.concurrent.atomic.AtomicInteger();
        /** Lost and doubled beyond the points and tiers (the outage scenario's messages), set by the plan. */
        int lostBeyond;
        int doubledBeyond;
        /** Added to a passing outcome. */
        String passNote = "";

        Run(Stage stage, Load load, OutputReader output, Lag lag) {
            this.stage = stage;
            this.load = load;
            this.output = output;
            this.lag = lag;
        }

        /** Runs {@code action} on the fault thread; the load goes on meanwhile. */
        void inject(String what, FaultAction action) {
            pendingFaults.incrementAndGet();
            faults.submit(() -> {
                try {
                    log("  fault: " + what + " (" + load.orders().size() + " orders sent so far)");
                    action.run();
                } catch (Exception e) {
                    faultErrors.add(what + ": " + e.getMessage());
                    log("  fault " + what + " failed: " + e);
                } finally {
                    pendingFaults.decrementAndGet();
                }
            });
        }

        void kill(Instance instance) throws InterruptedException {
            stage.processes.kill(instance.name());
        }

        /** Starts {@code instance} again; returns the seconds until it was healthy. */
        double restart(Instance instance) throws Exception {
            stage.processes.restart(instance.name());
            double seconds = stage.awaitHealthy(instance.name(), instance.port(), Duration.ofMinutes(4));
            log(String.format(Locale.ROOT, "  %s healthy again %.1f s after its restart", instance.name(), seconds));
            return seconds;
        }

        /** Seconds from {@code since} until every order sent by then has its PointsEarned published. */
        double pointsCaughtUp(long since) throws InterruptedException {
            Set<String> before = new java.util.HashSet<>();
            load.orders().forEach(o -> before.add(o.orderId()));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                if (output.earned().keySet().containsAll(before)) {
                    return (System.nanoTime() - since) / 1e9;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("orders sent before the fault still without points after 5 minutes");
        }

        double tierCaughtUp(long since) throws InterruptedException {
            return (lag.awaitWithin("tier-service", (long) options.rate(), 300) - since) / 1e9;
        }

        void recovered(String what, double seconds) {
            recovered(what, seconds, -1);
        }

        /** {@code starting}: the part of it the restarted JVM took to start, when there was one. */
        void recovered(String what, double seconds, double starting) {
            String text = String.format(Locale.ROOT, "%s %.0f s", what, seconds)
                    + (starting < 0 ? "" : String.format(Locale.ROOT, " (%.0f s of it starting)", starting));
            recoveries.add(text);
            log("  recovered: " + text);
        }
    }

    @FunctionalInterface
    private interface FaultAction {
        void run() throws Exception;
    }

    // ---- the scenarios

    /** (1) kill -9 points-service, then tier-service, under load; restart each. */
    private Row crash() throws Exception {
        int n = options.orders();
        return scenario("crash", 1, List.of(POINTS, TIER), new Plan() {
            @Override
            public void beforeOrder(int k, Run run) {
                if (k == n / 10) {
                    run.inject("kill -9 points-service", () -> {
                        run.kill(POINTS);
                        Thread.sleep(DOWN_FOR.toMillis());
                        long restarted = System.nanoTime();
                        double starting = run.restart(POINTS);
                        run.recovered("points-service", run.pointsCaughtUp(restarted), starting);
                    });
                }
                // Queued behind the first fault: killed once points-service has recovered.
                if (k == n / 2) {
                    run.inject("kill -9 tier-service", () -> {
                        run.kill(TIER);
                        Thread.sleep(DOWN_FOR.toMillis());
                        long restarted = System.nanoTime();
                        double starting = run.restart(TIER);
                        run.recovered("tier-service", run.tierCaughtUp(restarted), starting);
                    });
                }
            }

            @Override
            public void beforeRefund(int k, Run run) {
                if (k == run.load.refunds() / 3) {
                    run.inject("kill -9 points-service during the refunds", () -> {
                        run.kill(POINTS);
                        Thread.sleep(DOWN_FOR.toMillis());
                        run.restart(POINTS);
                    });
                }
            }
        });
    }

    /** (2) two points-service instances; kill -9 one; the other takes over its partitions and segments. */
    private Row failover() throws Exception {
        int n = options.orders();
        return scenario("failover", 1, List.of(POINTS, POINTS_B, TIER), new Plan() {
            @Override
            public void beforeOrder(int k, Run run) {
                if (k == n / 3) {
                    run.inject("kill -9 points-service (instance a of two), not restarted", () -> {
                        long killed = System.nanoTime();
                        run.kill(POINTS);
                        run.recovered("points-service-b took over in", run.pointsCaughtUp(killed));
                    });
                }
            }
        });
    }

    /** (4) PostgreSQL restarted under load; the services recover by themselves. */
    private Row postgres() throws Exception {
        int n = options.orders();
        return scenario("postgres", 1, List.of(POINTS, TIER), new Plan() {
            @Override
            public void beforeOrder(int k, Run run) {
                if (k == n / 3) {
                    run.inject("pg_ctlcluster restart", () -> {
                        // Measured from the restart command: the database is down for part of it.
                        long began = System.nanoTime();
                        run.stage.restartPostgres();
                        log(String.format(Locale.ROOT, "  PostgreSQL restarted in %.1f s", (System.nanoTime() - began) / 1e9));
                        run.recovered("points", run.pointsCaughtUp(began));
                        run.recovered("tier", run.tierCaughtUp(began));
                    });
                }
            }
        });
    }

    /** (3) three brokers, RF 3, min ISR 2: kill -9 one under load, bring it back. */
    private Row brokers() throws Exception {
        int n = options.orders();
        return scenario("brokers", 3, List.of(POINTS, TIER), new Plan() {
            @Override
            public void after(Run run, List<String> problems) throws Exception {
                problems.addAll(run.stage.replicationProblems(
                        List.of(Topics.ORDER_PAID, Topics.ORDER_REFUNDED, Topics.POINTS, Topics.TIERS), 3, 2));
            }

            @Override
            public void beforeOrder(int k, Run run) {
                if (k == n / 3) {
                    run.inject("kill -9 kafka-2 for 20 s", () -> {
                        long killed = System.nanoTime();
                        run.stage.processes.kill(run.stage.brokerName(2));
                        run.recovered("pipeline with one broker down", run.pointsCaughtUp(killed));
                        Thread.sleep(Math.max(0, 20_000 - (System.nanoTime() - killed) / 1_000_000));
                        run.stage.startBroker(2);
                        long back = System.nanoTime();
                        run.recovered("after kafka-2's return", run.pointsCaughtUp(back));
                    });
                }
            }
        });
    }

    /** (6) hostile records interleaved with good orders; each dead-lettered once, with its reason, and counted. */
    private Row poison() throws Exception {
        int n = options.orders();
        Hostile hostile = new Hostile();
        return scenario("poison", 1, List.of(POINTS, TIER), new Plan() {
            @Override
            public void beforeOrder(int k, Run run) {
                if (k > 0 && k % (n / 5) == 0) {
                    hostile.batch(run.load.memberId(k % 7)).forEach(run.load::sendRaw);
                }
            }

            @Override
            public int extraEventsIn() {
                return hostile.sent.size();
            }

            @Override
            public void after(Run run, List<String> problems) throws Exception {
                checkDeadLetters(run, hostile, problems);
            }
        });
    }

    /**
     * (5) The SMTP server and the SMS gateway (each a {@link ProviderCatcher} process) stopped together
     * under load for {@code --outage-seconds}, then started again on the same ports. notification-service
     * keeps recording deliveries and retries them; every message must reach a provider exactly once.
     * member-service runs too: the members are registered through its API (with a mobile, an email and
     * both consents), and notification-service learns their contacts from loyalty.members.v1, sealed with
     * the keys on loyalty.member-keys.v1. Time to recover: from the providers' return until every
     * delivery that was waiting then is SENT.
     */
    private Row outage() throws Exception {
        int n = options.orders();
        Duration down = Duration.ofSeconds(options.outageSeconds());
        return scenario("outage", 1, List.of(POINTS, TIER, MEMBER, NOTIFICATION), new Plan() {
            Path smsFile;
            Path mailFile;
            volatile Thread catchUp;
            volatile String catchUpError;

            @Override
            public void prepare(Stage stage) throws Exception {
                stage.trustTestTokens();
                smsFile = stage.directory.resolve("sms-received.txt");
                mailFile = stage.directory.resolve("smtp-received.txt");
                startProviders(stage);
            }

            void startProviders(Stage stage) throws Exception {
                stage.startCatcher("sms-gateway", "sms", SMS_PORT, smsFile);
                stage.startCatcher("smtp-server", "smtp", SMTP_PORT, mailFile);
                stage.awaitListening("sms-gateway", SMS_PORT, Duration.ofSeconds(60));
                stage.awaitListening("smtp-server", SMTP_PORT, Duration.ofSeconds(60));
            }

            @Override
            public List<String> arguments(Instance instance) {
                if (instance == NOTIFICATION) {
                    return List.of(
                            "--spring.mail.host=127.0.0.1",
                            "--spring.mail.port=" + SMTP_PORT,
                            "--loyalty.notification.sms.base-url=http://127.0.0.1:" + SMS_PORT + "/sms");
                }
                return List.of();
            }

            @Override
            public void beforeLoad(Run run) throws Exception {
                registerMembers(run);
            }

            @Override
            public void beforeOrder(int k, Run run) {
                if (k == n / 4) {
                    run.inject("SMTP server and SMS gateway down for " + down.toSeconds() + " s", () -> {
                        run.stage.processes.stop("sms-gateway");
                        run.stage.processes.stop("smtp-server");
                        Thread.sleep(down.toMillis());
                        startProviders(run.stage);
                        long back = System.nanoTime();
                        List<Load.Order> sentBefore = run.load.orders();
                        List<String> waiting = Messages.unsettled(run.stage);
                        log("  providers back; " + waiting.size() + " deliveries were waiting");
                        long deadline = back + TimeUnit.MINUTES.toNanos(10);
                        while (Messages.stillUnsettled(run.stage, waiting) > 0) {
                            if (System.nanoTime() > deadline) {
                                throw new IllegalStateException("deliveries waiting at the providers' return still unsent after 10 minutes");
                            }
                            Thread.sleep(200);
                        }
                        run.recovered(waiting.size() + " deliveries waiting at the return sent in", (System.nanoTime() - back) / 1e9);
                        // Measured aside: when notification-service consumes slower than the load comes,
                        // keeping the load on until it caught up would only grow its backlog.
                        catchUp = new Thread(() -> {
                            try {
                                run.recovered("every order before the return had its SMS in", smsCaughtUp(run, sentBefore, back));
                            } catch (Exception e) {
                                catchUpError = "SMS catch-up: " + e.getMessage();
                            }
                        }, "fault-suite-sms-catch-up");
                        catchUp.start();
                    });
                }
            }

            /**
             * Seconds from {@code since} until the SMS gateway has received the transaction SMS of every
             * order in {@code orders}: this also covers the events notification-service had not consumed
             * yet when the providers came back.
             */
            double smsCaughtUp(Run run, List<Load.Order> orders, long since) throws Exception {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (System.nanoTime() < deadline) {
                    Set<String> received = new java.util.HashSet<>(ProviderCatcher.received(smsFile));
                    Map<String, Set<String>> earned = run.output.earned();
                    boolean all = orders.stream().allMatch(o -> earned.getOrDefault(o.orderId(), Set.of()).stream()
                            .anyMatch(e -> received.contains(Messages.id(e, "SMS", "transaction"))));
                    if (all) {
                        return (System.nanoTime() - since) / 1e9;
                    }
                    Thread.sleep(500);
                }
                throw new IllegalStateException("orders sent before the providers' return still without their SMS after 10 minutes");
            }

            @Override
            public void after(Run run, List<String> problems) throws Exception {
                if (catchUp != null) {
                    catchUp.join(TimeUnit.MINUTES.toMillis(10));
                }
                if (catchUpError != null) {
                    problems.add(catchUpError);
                }
                Messages.Result messages = Messages.await(run.stage, Expected.of(run.load.orders()), run.load.orders(),
                        run.output, List.of(smsFile, mailFile), 120);
                log("  messages: " + Messages.summary(messages));
                problems.addAll(messages.problems());
                run.lostBeyond = messages.lost();
                run.doubledBeyond = messages.doubled();
                run.passNote = ", " + messages.expected() + " messages each received once";
                if (messages.clean()) {
                    checkTheMessageCheck(run, messages, problems);
                }
            }

            /**
             * A check of the check: the same files with one receipt removed must report one message
             * lost, and with one receipt repeated, one doubled.
             */
            void checkTheMessageCheck(Run run, Messages.Result clean, List<String> problems) throws Exception {
                List<String> sms = ProviderCatcher.received(smsFile);
                Path lessOne = run.stage.directory.resolve("check-less-one.txt");
                Path onceMore = run.stage.directory.resolve("check-once-more.txt");
                java.nio.file.Files.write(lessOne, sms.subList(1, sms.size()));
                java.nio.file.Files.write(onceMore, List.of(sms.get(0)));
                Expected expected = Expected.of(run.load.orders());
                Messages.Result lost = Messages.check(run.stage, expected, run.load.orders(), run.output, List.of(lessOne, mailFile));
                Messages.Result doubled = Messages.check(run.stage, expected, run.load.orders(), run.output,
                        List.of(smsFile, mailFile, onceMore));
                log("  check of the check: one SMS receipt removed gives lost " + lost.lost() + ", one repeated gives doubled "
                        + doubled.doubled());
                if (lost.lost() != 1 || lost.doubled() != 0 || doubled.doubled() != 1 || doubled.lost() != 0) {
                    problems.add("the message check missed a removed or repeated receipt: lost " + lost.lost()
                            + ", doubled " + doubled.doubled());
                }
            }
        });
    }

    /** Registers every member of the load at member-service, then waits until notification-service knows them all. */
    private void registerMembers(Run run) throws Exception {
        String token = com.loyaltysuite.testsupport.TestTokens.staff();
        for (int rank = 0; rank < options.members(); rank++) {
            String member = run.load.memberId(rank);
            String body = String.format(Locale.ROOT,
                    "{\"memberId\":\"%s\",\"name\":\"Member %d\",\"mobile\":\"+86139%08d\",\"email\":\"%s@shop.example\","
                            + "\"consents\":{\"sms\":true,\"email\":true}}",
                    member, rank, rank, member.toLowerCase(Locale.ROOT));
            var response = Stage.post("http://127.0.0.1:" + MEMBER.port() + "/members", token, body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("registering " + member + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        int known = 0;
        while (System.nanoTime() < deadline) {
            try (var connection = run.stage.connect();
                    var query = connection.prepareStatement("select count(*) from notification.member_contact where mobile is not null");
                    var rows = query.executeQuery()) {
                rows.next();
                known = rows.getInt(1);
            }
            if (known >= options.members()) {
                log("  " + known + " members registered; notification-service knows their contacts");
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("notification-service knows " + known + " of " + options.members() + " members' contacts after 5 minutes");
    }

    /**
     * No fault: a check of the check. After the run reconciles, the expected figures are given one
     * order that was never sent (to a member who exists); the reconciliation must report it lost and
     * that member's balance, ledger and tier off. Passes only when it does.
     */
    private Row control() throws Exception {
        return scenario("control", 1, List.of(POINTS, TIER), new Plan() {
            @Override
            public void after(Run run, List<String> problems) throws Exception {
                List<Load.Order> orders = new ArrayList<>(run.load.orders());
                Load.Order last = orders.get(orders.size() - 1);
                orders.add(new Load.Order(orders.size(), UUID.randomUUID().toString(), "O-phantom", last.memberId(),
                        new java.math.BigDecimal("20000.00"), last.paidAt().plusSeconds(1), "APP", "apparel", null, null));
                Reconciliation.Result tampered = Reconciliation.check(run.stage, Expected.of(orders), run.output);
                log("  control: with a phantom order the reconciliation reports lost " + tampered.lost() + ", doubled "
                        + tampered.doubled() + ", " + tampered.problems());
                boolean caught = tampered.lost() >= 1
                        && tampered.problems().stream().anyMatch(p -> p.contains("balance"))
                        && tampered.problems().stream().anyMatch(p -> p.contains("ledger"))
                        && tampered.problems().stream().anyMatch(p -> p.contains("tier"));
                if (!caught) {
                    problems.add("the reconciliation did not catch a phantom order: " + tampered);
                }
            }
        });
    }

    // ---- the common frame

    private Row scenario(String name, int brokers, List<Instance> instances, Plan plan) throws Exception {
        long began = System.nanoTime();
        try (Stage stage = new Stage(settings, name, brokers)) {
            stage.startInfrastructure();
            log("  " + brokers + " broker(s) up on " + stage.bootstrap() + "; database " + stage.dbUrl());
            plan.prepare(stage);
            for (Instance instance : instances) {
                stage.startService(instance.name(), instance.service(), instance.port(), plan.arguments(instance));
                // One at a time: on two cores parallel starts only take longer each.
                stage.awaitHealthy(instance.name(), instance.port(), Duration.ofMinutes(4));
                log("  " + instance.name() + " healthy on port " + instance.port());
            }
            try (Load load = new Load(stage.bootstrap(), options.members(), options.seed());
                    OutputReader output = new OutputReader(stage.bootstrap());
                    Lag lag = new Lag(stage.bootstrap())) {
                Run run = new Run(stage, load, output, lag);
                plan.beforeLoad(run);
                log(String.format(Locale.ROOT, "  sending %d orders at %.0f/s", options.orders(), options.rate()));
                load.sendOrders(options.orders(), options.rate(), guarded(k -> plan.beforeOrder(k, run)));
                // Every fault happens under load: while one is still under way (a slow restart delays
                // the next), orders keep coming, and for 10 s more once the last has recovered.
                if (run.pendingFaults.get() > 0) {
                    while (run.pendingFaults.get() > 0) {
                        load.sendOrders((int) (options.rate() * 5), options.rate(), k -> {});
                    }
                    load.sendOrders((int) (options.rate() * 10), options.rate(), k -> {});
                    log("  load kept on until every fault had recovered: " + load.orders().size() + " orders in all");
                }
                log("  sending " + load.refunds() + " refunds");
                // The refunds wait for the orders: see Load.
                run.faults.submit(() -> {}).get(10, TimeUnit.MINUTES);
                lag.awaitWithin("tier-service", 0, 300);
                load.sendRefunds(options.rate(), guarded(k -> plan.beforeRefund(k, run)));
                run.faults.shutdown();
                run.faults.awaitTermination(10, TimeUnit.MINUTES);
                Expected expected = Expected.of(load.orders());
                log("  reconciling " + load.orders().size() + " orders, " + expected.reversals.size()
                        + " point-bearing refunds, " + expected.tierSteps.size() + " promotions, "
                        + expected.balance.size() + " members");
                Reconciliation.Result result = Reconciliation.await(stage, expected, output, 300);
                List<String> problems = new ArrayList<>(result.problems());
                problems.addAll(run.faultErrors);
                plan.after(run, problems);
                int eventsIn = load.orders().size() + load.refunds() + plan.extraEventsIn();
                int lost = result.lost() + run.lostBeyond;
                int doubled = result.doubled() + run.doubledBeyond;
                String outcome = problems.isEmpty() && lost == 0 && doubled == 0
                        ? "PASS: reconciled exactly (" + expected.balance.size() + " members, "
                                + expected.tierSteps.size() + " promotions" + run.passNote + ")"
                        : "FAIL: " + String.join("; ", problems);
                problems.forEach(p -> log("  problem: " + p));
                if (load.resent() > 0) {
                    log("  " + load.resent() + " record(s) refused by the broker were sent again");
                }
                log(String.format(Locale.ROOT, "  scenario took %.0f s", (System.nanoTime() - began) / 1e9));
                return new Row(name, eventsIn, outcome, lost, doubled,
                        run.recoveries.isEmpty() ? "-" : String.join(", ", run.recoveries));
            }
        }
    }

    private interface Step {
        void accept(int k) throws Exception;
    }

    private static IntConsumer guarded(Step step) {
        return k -> {
            try {
                step.accept(k);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    // ---- dead letters

    private static final List<String> ORDER_CONSUMERS = List.of("points-service", "tier-service");

    /**
     * Every hostile record is on {@code orders.order-paid.v1.DLT} exactly once per consumer group, with
     * a reason naming what is wrong, or (too large for the topic) exactly once in each service's
     * {@code dead_letter} table; each service's {@code loyalty_events_dead_lettered_total} counts them all.
     */
    private static void checkDeadLetters(Run run, Hostile hostile, List<String> problems) throws Exception {
        Map<String, Map<String, List<String>>> seen = new HashMap<>(); // group -> match -> reasons
        ORDER_CONSUMERS.forEach(g -> seen.put(g, new HashMap<>()));
        for (ConsumerRecord<String, byte[]> record : readAll(run.stage.bootstrap(), Topics.deadLetterOf(Topics.ORDER_PAID))) {
            String group = OutputReader.header(record, "kafka_dlt-original-consumer-group");
            String reason = OutputReader.header(record, "kafka_dlt-exception-message");
            String id = OutputReader.header(record, "ce_id");
            String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            for (Hostile.Sent sent : hostile.sent) {
                boolean matches = sent.byPayload() ? id == null && payload.contains(sent.match()) : sent.match().equals(id);
                if (matches && seen.containsKey(group)) {
                    seen.get(group).computeIfAbsent(sent.match(), k -> new ArrayList<>()).add(reason);
                }
            }
        }
        Map<String, Integer> wrong = new LinkedHashMap<>();
        for (String group : ORDER_CONSUMERS) {
            for (Hostile.Sent sent : hostile.sent) {
                List<String> reasons = seen.get(group).getOrDefault(sent.match(), List.of());
                boolean ok = sent.oversize()
                        ? reasons.isEmpty()
                        : reasons.size() == 1 && reasons.get(0) != null && reasons.get(0).contains(sent.reason())
                                && reasons.get(0).length() <= 1000;
                if (!ok) {
                    wrong.merge(group + " " + sent.kind() + " (" + reasons.size() + " dead letter(s))", 1, Integer::sum);
                }
            }
        }
        try (var connection = run.stage.connect()) {
            for (String schema : List.of("points", "tier")) {
                for (Hostile.Sent sent : hostile.sent.stream().filter(Hostile.Sent::oversize).toList()) {
                    try (var query = connection.prepareStatement("select count(*) from " + schema + ".dead_letter where event_id = ?")) {
                        query.setString(1, sent.match());
                        try (var rows = query.executeQuery()) {
                            rows.next();
                            if (rows.getInt(1) != 1) {
                                wrong.merge(schema + ".dead_letter oversize record (" + rows.getInt(1) + " row(s))", 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        for (Instance instance : List.of(POINTS, TIER)) {
            double counted = deadLettersCounted(instance.port());
            if (counted != hostile.sent.size()) {
                wrong.merge(instance.name() + " counted " + (long) counted + " dead letters, sent " + hostile.sent.size(), 1, Integer::sum);
            }
        }
        wrong.forEach((what, times) -> problems.add("dead letter wrong: " + what + " x" + times));
        log("  " + hostile.sent.size() + " hostile records; dead letters checked for " + ORDER_CONSUMERS);
    }

    /** The service's {@code loyalty_events_dead_lettered_total} for the order-paid topic, all reasons. */
    private static double deadLettersCounted(int port) throws Exception {
        double total = 0;
        for (String line : Stage.get("http://127.0.0.1:" + port + "/actuator/prometheus").split("\n")) {
            if (line.startsWith("loyalty_events_dead_lettered_total{") && line.contains("topic=\"" + Topics.ORDER_PAID + "\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-dlt-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}

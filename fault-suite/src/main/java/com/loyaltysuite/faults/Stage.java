package com.loyaltysuite.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What one scenario runs on, every piece its own process: {@code brokers} Kafka nodes (KRaft), a fresh
 * database on the fault suite's own PostgreSQL cluster, and service instances started from their
 * {@code -exec.jar} exactly as deployed (their port, database, broker and issuer given as arguments).
 */
final class Stage implements AutoCloseable {

    static final int KAFKA_BASE_PORT = 19092;
    static final int KAFKA_BASE_CONTROLLER_PORT = 19192;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Settings settings;
    final Processes processes;
    final Path directory;
    final int brokers;
    private String publicKeyLocation;
    private final String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();

    /** Where things are: the jars, the PostgreSQL cluster, the run's output directory. */
    record Settings(
            Path repository, Path selfJar, Path outputDirectory, String pgVersion, String pgCluster, int pgPort) {

        String serverUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
        }

        Path serviceJar(String service) {
            return repository.resolve(service + "/target/" + service + "-0.1.0-SNAPSHOT-exec.jar");
        }
    }

    Stage(Settings settings, String scenario, int brokers) throws IOException {
        this.settings = settings;
        this.directory = Files.createDirectories(settings.outputDirectory().resolve(scenario));
        this.processes = new Processes(directory);
        this.brokers = brokers;
    }

    String bootstrap() {
        List<String> servers = new ArrayList<>();
        for (int n = 1; n <= brokers; n++) {
            servers.add("127.0.0.1:" + (KAFKA_BASE_PORT + n - 1));
        }
        return String.join(",", servers);
    }

    String database() {
        return "loyalty_faults";
    }

    String dbUrl() {
        return settings.serverUrl(database());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(dbUrl(), "postgres", "");
    }

    /** Starts the brokers on fresh log directories and a fresh database; returns when both answer. */
    void startInfrastructure() throws Exception {
        for (int n = 1; n <= brokers; n++) {
            startBroker(n);
        }
        try (Connection connection = DriverManager.getConnection(settings.serverUrl("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database() + " with (force)");
            statement.execute("create database " + database());
        }
        waitForKafka();
    }

    String brokerName(int node) {
        return "kafka-" + node;
    }

    void startBroker(int node) throws IOException {
        Path logDir = directory.resolve("kafka-data-" + node);
        processes.start(brokerName(node), List.of(
                java(), "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dloader.main=" + KafkaNode.class.getName(),
                "-jar", settings.selfJar().toString(),
                String.valueOf(node), logDir.toString(), clusterId,
                String.valueOf(KAFKA_BASE_PORT), String.valueOf(KAFKA_BASE_CONTROLLER_PORT), String.valueOf(brokers)));
    }

    private void waitForKafka() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                    "bootstrap.servers", bootstrap(), "request.timeout.ms", 5000, "default.api.timeout.ms", 5000))) {
                if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == brokers) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Kafka did not come up; see " + directory);
    }

    /**
     * A service instance from its exec jar. The issuer is never called (the scenarios use Kafka and the
     * database only; Spring resolves an issuer lazily), so any address will do. points-service earns at
     * 1.0 in every tier here: otherwise an order's points depend on whether the member's TierChanged
     * reached points-service before the order did, which no offline computation can know.
     */
    void startService(String instance, String service, int port) throws IOException {
        startService(instance, service, port, List.of());
    }

    /**
     * As above, with {@code extra} arguments. When {@link #trustTestTokens()} was called, the service
     * trusts the driver's {@link com.loyaltysuite.testsupport.TestTokens} key instead of an issuer.
     */
    void startService(String instance, String service, int port, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                java(), "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", settings.serviceJar(service).toString(),
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrap(),
                "--spring.datasource.url=" + dbUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                publicKeyLocation == null
                        ? "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/fault-suite-issuer-unused"
                        : "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyLocation,
                "--loyalty.kafka.replicas=" + Math.min(3, brokers)));
        command.addAll(extra);
        if (service.equals("points-service")) {
            for (String tier : List.of("MEMBER", "SILVER", "GOLD", "DIAMOND", "ACADEMICIAN")) {
                command.add("--loyalty.points.earning.tier-multipliers." + tier + "=1.0");
            }
        }
        processes.start(instance, command);
    }

    /**
     * From now on the services started trust bearer tokens minted by this JVM's {@link
     * com.loyaltysuite.testsupport.TestTokens} (its public key as {@code public-key-location}): for the
     * scenarios that call a service's API, as the outage scenario registers members at member-service.
     */
    void trustTestTokens() {
        publicKeyLocation = com.loyaltysuite.testsupport.TestTokens.publicKeyLocation();
    }

    /** A provider stand-in ({@link ProviderCatcher}, {@code sms} or {@code smtp}) on {@code port}, appending ids to {@code file}. */
    void startCatcher(String name, String kind, int port, Path file) throws IOException {
        processes.start(name, List.of(
                java(), "-Xms32m", "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dloader.main=" + ProviderCatcher.class.getName(),
                "-jar", settings.selfJar().toString(),
                kind, String.valueOf(port), file.toString()));
    }

    /** Waits until something accepts connections on {@code port}. */
    void awaitListening(String name, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.alive(name)) {
                throw new IllegalStateException(name + " exited; see " + processes.log(name));
            }
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(name + " not listening on " + port + " after " + timeout);
    }

    static HttpResponse<String> post(String url, String bearer, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until {@code /actuator/health} answers UP; returns the seconds it took. */
    double awaitHealthy(String instance, int port, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.alive(instance)) {
                throw new IllegalStateException(instance + " exited; see " + processes.log(instance));
            }
            if (healthy(port)) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(instance + " not healthy after " + timeout + "; see " + processes.log(instance));
    }

    static boolean healthy(int port) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** What differs from {@code replicas} replicas and {@code min.insync.replicas} {@code minIsr} on these topics. */
    List<String> replicationProblems(List<String> topics, int replicas, int minIsr) throws Exception {
        List<String> problems = new ArrayList<>();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            var descriptions = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            var configs = admin.describeConfigs(topics.stream()
                            .map(t -> new org.apache.kafka.common.config.ConfigResource(
                                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
            descriptions.forEach((topic, description) -> {
                if (description.partitions().stream().anyMatch(p -> p.replicas().size() != replicas)) {
                    problems.add(topic + " is not replicated " + replicas + " times");
                }
            });
            configs.forEach((resource, config) -> {
                String value = config.get("min.insync.replicas").value();
                if (!String.valueOf(minIsr).equals(value)) {
                    problems.add(resource.name() + " has min.insync.replicas " + value);
                }
            });
        }
        return problems;
    }

    /** {@code pg_ctlcluster <version> <cluster> restart}: PostgreSQL's fast shutdown, then start. */
    void restartPostgres() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "pg_ctlcluster", "--skip-systemctl-redirect", settings.pgVersion(), settings.pgCluster(), "restart")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres-restart.log").toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_ctlcluster restart failed; see " + directory.resolve("postgres-restart.log"));
        }
    }

    static String runTag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        processes.close();
    }
}

package com.loyaltysuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.testsupport.OrderSystem;
import com.loyaltysuite.testsupport.SharedDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local run as a newcomer starts it ({@code java -jar ...-exec.jar --no-demo}, its own process),
 * reached from outside the way the order system reaches it: a plain Kafka producer on the bootstrap
 * address the banner prints, then the points API over HTTP. Ports are the documented ones moved by
 * {@code LOYALTY_PORT_OFFSET} and {@code LOYALTY_KAFKA_PORT}, so a developer's running suite is safe.
 */
class LocalRunIT {

    private static final Pattern BOOTSTRAP = Pattern.compile("Kafka bootstrap\\s+(\\S+)");
    /** About 30 s on an idle two-core machine; far more while other builds share it. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Path execJar = execJar();
    private final Path childLog = execJar.resolveSibling("local-run-it.log");
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<String> bannerBootstrap = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Path childTmp;
    private Process localRun;
    private Thread drain;

    @Test
    void anOutsideProducerReachesTheBrokerAtTheAddressTheBannerPrints() throws Exception {
        assertThat(execJar).as("the exec jar, built in the package phase").exists();
        int kafkaPort = freePort();
        int issuerPort = freePort();
        int offset = freePortOffset();
        String supportSecret = UUID.randomUUID().toString();
        SharedDatabase.Coordinates db = SharedDatabase.coordinates();
        start(Map.of(
                "LOYALTY_KAFKA_PORT", String.valueOf(kafkaPort),
                "LOYALTY_ISSUER_PORT", String.valueOf(issuerPort),
                "LOYALTY_CLIENT_SECRET_SUPPORT_CONSOLE", supportSecret,
                "LOYALTY_PORT_OFFSET", String.valueOf(offset),
                "LOYALTY_DB_URL", db.url(),
                "LOYALTY_DB_USER", db.username(),
                "LOYALTY_DB_PASSWORD", db.password()));

        String bootstrap = awaitBanner();
        assertThat(bootstrap).isEqualTo("127.0.0.1:" + kafkaPort);

        String member = "M-local-run-" + UUID.randomUUID();
        try (OrderSystem orderSystem = new OrderSystem(bootstrap)) {
            orderSystem.orderPaid(member, "O-local-1", "599.00", Instant.now());
        }
        URI points = URI.create("http://127.0.0.1:" + (8082 + offset) + "/members/" + member + "/points");
        // A support console's token, from the run's own issuer, as curl would get it.
        ClientTokens tokens =
                new ClientTokens("http://127.0.0.1:" + issuerPort, Map.of("support-console", supportSecret),
                        Map.of("support-console", LocalIssuer.CLIENTS.get("support-console")));
        String token = tokens.token("support-console");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(balance(points, token)).isEqualTo(599));
        assertThat(http.send(HttpRequest.newBuilder(points).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("no token, no points")
                .isEqualTo(401);

        // Ctrl-C (or a TERM) stops the whole run, and its broker leaves no log directory behind.
        stop();
        assertThat(localRun.waitFor(60, TimeUnit.SECONDS)).as("the local run stops on TERM").isTrue();
        try (Stream<Path> left = Files.list(childTmp)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("loyalty-local-kafka-"));
        }
    }

    @AfterEach
    void stopLocalRun() throws InterruptedException {
        if (localRun == null) {
            return;
        }
        stop();
        if (!localRun.waitFor(60, TimeUnit.SECONDS)) {
            localRun.descendants().forEach(ProcessHandle::destroyForcibly);
            localRun.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        drain.join(Duration.ofSeconds(10).toMillis()); // the log file gets the child's last words
    }

    /** TERM to the run and its descendants; unlike Process.destroy this keeps reading its last words. */
    private void stop() {
        localRun.descendants().forEach(ProcessHandle::destroy);
        localRun.toHandle().destroy();
    }

    private void start(Map<String, String> environment) throws IOException {
        Path tmpRoot = Files.createDirectories(execJar.resolveSibling("local-run-it-tmp"));
        childTmp = Files.createTempDirectory(tmpRoot, "run-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-Xmx768m",
                        // Quicker start, less compiler CPU; this run serves one order, not a benchmark.
                        "-XX:TieredStopAtLevel=1",
                        "-Djava.io.tmpdir=" + childTmp,
                        "-jar",
                        execJar.toAbsolutePath().toString(),
                        "--no-demo"))
                .directory(childTmp.toFile()) // its .local-run/clients.env lands there
                .redirectErrorStream(true);
        // This test's own broker setting must not reach the child: it would then start no broker.
        builder.environment().remove("LOYALTY_KAFKA_BOOTSTRAP");
        builder.environment().putAll(environment);
        localRun = builder.start();
        drain = new Thread(this::drainOutput, "local-run-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** Reads all the child prints (so it never blocks on a full pipe) into a log file beside the jar. */
    private void drainOutput() {
        boolean ready = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(localRun.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter log = new PrintWriter(Files.newBufferedWriter(childLog, StandardCharsets.UTF_8), true)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.println(line);
                remember(line);
                ready |= line.contains("Loyalty suite is ready");
                Matcher bootstrap = BOOTSTRAP.matcher(line);
                if (ready && bootstrap.find()) {
                    bannerBootstrap.complete(bootstrap.group(1));
                }
            }
        } catch (IOException e) {
            bannerBootstrap.completeExceptionally(e);
        }
        bannerBootstrap.completeExceptionally(new IllegalStateException("The local run ended before it was ready"));
    }

    private String awaitBanner() throws Exception {
        try {
            return bannerBootstrap.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("No ready banner from the local run (" + e.getMessage() + "); its last lines:\n"
                    + String.join("\n", lastLines()) + "\nFull output: " + childLog, e);
        }
    }

    private synchronized void remember(String line) {
        lastLines.addLast(line);
        if (lastLines.size() > 60) {
            lastLines.removeFirst();
        }
    }

    private synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }

    private int balance(URI points, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(points).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        return body.path("balance").asInt();
    }

    /** Given by the Failsafe configuration; else the one in target/, for a run from an IDE after a build. */
    private static Path execJar() {
        String configured = System.getProperty("local-suite.exec-jar");
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            return built.filter(path -> path.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElse(Path.of("target", "local-suite-exec.jar"));
        } catch (IOException e) {
            return Path.of("target", "local-suite-exec.jar");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * An offset that moves all eight fixed ports (HTTP 8081-8085, SMTP 3025, mails 8025, SMS 8026) onto free
     * ones, below the kernel's ephemeral range where the Kafka port and clients' ports come from.
     */
    private static int freePortOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 100 * ThreadLocalRandom.current().nextInt(100, 240);
            if (IntStream.of(8081, 8082, 8083, 8084, 8085, LocalRun.SMTP_PORT, LocalRun.MAIL_HTTP_PORT, LocalRun.SMS_HTTP_PORT)
                    .allMatch(port -> isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("No free port offset found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

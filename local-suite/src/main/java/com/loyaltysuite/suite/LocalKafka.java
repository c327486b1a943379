package com.loyaltysuite.suite;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real Kafka broker in this JVM, in KRaft combined mode (broker and controller, node 1), on a
 * fixed port of 127.0.0.1, so that a separate process (the order system) finds it where the README
 * says. Its log directory is fresh for each start and deleted on close.
 *
 * <p>spring-kafka's {@code EmbeddedKafkaKraftBroker} is not used here: it ignores {@code kafkaPorts}
 * and always listens on a random port.
 */
final class LocalKafka implements AutoCloseable {

    static final int DEFAULT_PORT = 9092;
    private static final String HOST = "127.0.0.1";

    private final int port;
    private final Path logDir;
    private final KafkaRaftServer server;

    private LocalKafka(int port, Path logDir, KafkaRaftServer server) {
        this.port = port;
        this.logDir = logDir;
        this.server = server;
    }

    /**
     * Formats a fresh log directory and starts the broker; returns once it accepts clients.
     *
     * @throws PortInUseException if {@code port} is taken; never falls back to another port
     */
    static LocalKafka start(int port) throws IOException {
        if (!isFree(port)) {
            throw new PortInUseException(port);
        }
        // The controller listener only serves this broker; any free port will do.
        int controllerPort = freePort();
        Path logDir = Files.createTempDirectory("loyalty-local-kafka-");
        try {
            Properties properties = properties(port, controllerPort, logDir);
            format(logDir, 1, "CONTROLLER", List.of());
            return new LocalKafka(port, logDir, startServer(properties));
        } catch (IOException | RuntimeException e) {
            Utils.delete(logDir.toFile());
            throw e;
        }
    }

    /**
     * A broker configured entirely by {@code properties} (listeners, security, authorizer: e.g. a
     * deployed broker's file with test addresses), on a fresh log directory that replaces its
     * {@code log.dirs}. The storage is formatted with {@code scramCredentials} (values of
     * {@code kafka-storage format --add-scram}), so that the broker's own SCRAM user exists before it
     * starts. {@link #bootstrapServers()} answers 127.0.0.1:{@code port}, which must be one of its listeners.
     */
    static LocalKafka start(int port, Properties properties, List<String> scramCredentials) throws IOException {
        Path logDir = Files.createTempDirectory("loyalty-local-kafka-");
        try {
            Properties configured = new Properties();
            configured.putAll(properties);
            configured.put("log.dirs", logDir.toString());
            format(
                    logDir,
                    Integer.parseInt(configured.getProperty("node.id")),
                    configured.getProperty("controller.listener.names").split(",")[0],
                    scramCredentials);
            return new LocalKafka(port, logDir, startServer(configured));
        } catch (IOException | RuntimeException e) {
            Utils.delete(logDir.toFile());
            throw e;
        }
    }

    private static KafkaRaftServer startServer(Properties properties) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        return server;
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Stops the broker and deletes everything it wrote. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try {
            Utils.delete(logDir.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not delete the Kafka log directory " + logDir, e);
        }
    }

    private static Properties properties(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // Topics as the services expect them: made on first use, three partitions, one replica.
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Modest threads and memory: this shares a small machine with PostgreSQL and five services.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return p;
    }

    /** What {@code kafka-storage.sh format} does: writes meta.properties and the bootstrap metadata. */
    private static void format(Path logDir, int nodeId, String controllerListener, List<String> scramCredentials)
            throws IOException {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(controllerListener)
                    .setScramArguments(scramCredentials)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IOException("Could not format the Kafka log directory " + logDir, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** The broker's port is taken: by a running local suite, another Kafka, or anything else. */
    static final class PortInUseException extends IOException {
        PortInUseException(int port) {
            super("Cannot start Kafka on " + HOST + ":" + port + ": the port is in use (another local run or Kafka?)."
                    + " Stop that, or set LOYALTY_KAFKA_PORT to a free port, or LOYALTY_KAFKA_BOOTSTRAP to use a running broker.");
        }
    }
}

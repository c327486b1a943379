package com.loyaltysuite.faults;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * One Kafka broker in its own JVM, KRaft combined mode (broker and controller), so that the fault suite
 * can kill it like any other process. Run as
 * {@code java -Dloader.main=com.loyaltysuite.faults.KafkaNode -jar fault-suite-exec.jar <node id> <log dir>
 * <cluster id> <port of node 1> <controller port of node 1> <nodes>}: node n listens on port + n - 1 and
 * controller port + n - 1. A log directory that is not formatted yet is formatted first, so the same
 * command restarts the node on its old data.
 */
public final class KafkaNode {

    private KafkaNode() {}

    public static void main(String[] args) throws Exception {
        int node = Integer.parseInt(args[0]);
        Path logDir = Path.of(args[1]);
        String clusterId = args[2];
        int basePort = Integer.parseInt(args[3]);
        int baseControllerPort = Integer.parseInt(args[4]);
        int nodes = Integer.parseInt(args[5]);
        Properties properties = properties(node, logDir, basePort, baseControllerPort, nodes);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(node)
                    .setClusterId(clusterId)
                    .setControllerListenerName("CONTROLLER")
                    .setScramArguments(List.of())
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }, "kafka-node-shutdown"));
        server.startup();
        System.out.println("KAFKA NODE " + node + " STARTED on 127.0.0.1:" + (basePort + node - 1));
        stopped.await();
    }

    static Properties properties(int node, Path logDir, int basePort, int baseControllerPort, int nodes) {
        StringBuilder voters = new StringBuilder();
        for (int n = 1; n <= nodes; n++) {
            voters.append(n == 1 ? "" : ",").append(n).append("@127.0.0.1:").append(baseControllerPort + n - 1);
        }
        int port = basePort + node - 1;
        int replicas = Math.min(3, nodes);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(node));
        p.put("controller.quorum.voters", voters.toString());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (baseControllerPort + node - 1));
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // The services create their topics (KafkaTopicsProperties); the broker's defaults match them.
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "3");
        p.put("default.replication.factor", String.valueOf(replicas));
        p.put("min.insync.replicas", String.valueOf(Math.max(1, Math.min(2, replicas - 1))));
        p.put("offsets.topic.replication.factor", String.valueOf(replicas));
        p.put("transaction.state.log.replication.factor", String.valueOf(replicas));
        p.put("transaction.state.log.min.isr", String.valueOf(Math.max(1, Math.min(2, replicas - 1))));
        p.put("group.initial.rebalance.delay.ms", "0");
        // Modest threads and memory: a small machine shared with PostgreSQL and the services.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return p;
    }
}

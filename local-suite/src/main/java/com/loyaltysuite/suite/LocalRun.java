package com.loyaltysuite.suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole suite on one machine: an embedded KRaft broker on 127.0.0.1:9092, the local PostgreSQL,
 * an SMTP catcher, the five services on DESIGN.md's ports, and demo traffic. Ctrl-C stops all of it.
 *
 * <p>Environment: {@code LOYALTY_KAFKA_BOOTSTRAP} (use that broker instead of starting one),
 * {@code LOYALTY_DB_URL}/{@code _USER}/{@code _PASSWORD} (use that database and keep it; by default a
 * fresh {@code loyalty_local} database is made each run, since the embedded broker keeps nothing
 * between runs either), {@code LOYALTY_DEMO=false} or {@code --no-demo} (no demo traffic).
 */
public final class LocalRun {

    private static final Logger log = LoggerFactory.getLogger(LocalRun.class);
    static final int SMTP_PORT = 3025;
    static final int MAIL_HTTP_PORT = 8025;

    private LocalRun() {}

    public static void main(String[] args) throws Exception {
        boolean demo = !Arrays.asList(args).contains("--no-demo") && !"false".equalsIgnoreCase(System.getenv("LOYALTY_DEMO"));
        CountDownLatch stopped = new CountDownLatch(1);

        EmbeddedKafkaBroker broker = null;
        String bootstrap = System.getenv("LOYALTY_KAFKA_BOOTSTRAP");
        if (bootstrap == null || bootstrap.isBlank()) {
            broker = new EmbeddedKafkaKraftBroker(1, 3).kafkaPorts(9092).brokerProperties(Map.of("auto.create.topics.enable", "true"));
            broker.afterPropertiesSet();
            bootstrap = broker.getBrokersAsString();
            log.info("Kafka (KRaft, embedded) listening on {}", bootstrap);
        }
        String dbUrl = database();
        MailCatcher mail = MailCatcher.start(SMTP_PORT, MAIL_HTTP_PORT);
        log.info("SMTP catcher on 127.0.0.1:{}; read the mails at http://127.0.0.1:{}/", SMTP_PORT, MAIL_HTTP_PORT);

        LoyaltySuite suite = LoyaltySuite.start(new SuiteSettings(
                bootstrap, dbUrl, env("LOYALTY_DB_USER", "postgres"), env("LOYALTY_DB_PASSWORD", ""),
                "127.0.0.1", SMTP_PORT, SuiteSettings.LOCAL_PORTS));

        EmbeddedKafkaBroker startedBroker = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the loyalty suite");
            suite.close();
            mail.close();
            if (startedBroker != null) {
                startedBroker.destroy();
            }
            stopped.countDown();
        }, "loyalty-suite-shutdown"));

        log.info(banner(bootstrap));
        if (demo) {
            new DemoTraffic(suite, bootstrap).run();
            log.info("DEMO done: {} mail(s) caught, see http://127.0.0.1:{}/ . The suite keeps running; Ctrl-C stops it.",
                    mail.received(), MAIL_HTTP_PORT);
        }
        stopped.await();
    }

    private static String banner(String bootstrap) {
        return """

                ==================== Loyalty suite is ready ====================
                member-service        http://127.0.0.1:8081/members/{id}
                points-service        http://127.0.0.1:8082/members/{id}/points
                tier-service          http://127.0.0.1:8083/members/{id}/tier   (ladder: /tiers)
                benefit-service       http://127.0.0.1:8084/members/{id}/benefits
                notification-service  http://127.0.0.1:8085/members/{id}/notifications
                each service also has /actuator/health and /actuator/prometheus
                mails caught          http://127.0.0.1:%d/
                Kafka bootstrap       %s
                Demo members: demo-li-lei, demo-han-meimei, demo-wang-xiaoming
                Ctrl-C stops everything.
                ================================================================
                """.formatted(MAIL_HTTP_PORT, bootstrap);
    }

    /** The given database, or a fresh {@code loyalty_local} on the local server. */
    private static String database() throws SQLException {
        String url = System.getenv("LOYALTY_DB_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        String server = "jdbc:postgresql://127.0.0.1:5432/postgres";
        try (Connection connection = DriverManager.getConnection(server, env("LOYALTY_DB_USER", "postgres"), env("LOYALTY_DB_PASSWORD", ""));
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists loyalty_local with (force)");
            statement.execute("create database loyalty_local");
        }
        return "jdbc:postgresql://127.0.0.1:5432/loyalty_local";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

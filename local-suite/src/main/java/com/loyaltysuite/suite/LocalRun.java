package com.loyaltysuite.suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite on one machine: a Kafka broker (KRaft) on 127.0.0.1:9092, the local PostgreSQL,
 * an SMTP catcher, the five services on DESIGN.md's ports, and demo traffic. Ctrl-C stops all of it.
 *
 * <p>Environment:
 *
 * <ul>
 *   <li>{@code LOYALTY_KAFKA_BOOTSTRAP}: use that broker and start none;
 *   <li>{@code LOYALTY_KAFKA_PORT} (default 9092): the port of the broker started here; if it is taken
 *       the run stops with a message rather than pick another;
 *   <li>{@code LOYALTY_PORT_OFFSET} (default 0): added to the HTTP ports 8081-8085, the SMTP catcher's
 *       3025 and its mail page's 8025, so a second run (or a test) does not collide with a running one;
 *   <li>{@code LOYALTY_DB_URL}/{@code _USER}/{@code _PASSWORD}: use that database as it is; by default a
 *       fresh {@code loyalty_local} database is made each run, since the broker keeps nothing between
 *       runs either;
 *   <li>{@code LOYALTY_ISSUER_PORT} (default 9000 plus the offset): the local token issuer's port;
 *       {@code LOYALTY_CLIENT_SECRET_<CLIENT>}: a demo client's secret (else drawn at random); all are
 *       written to {@code .local-run/clients.env};
 *   <li>{@code LOYALTY_DEMO=false} or {@code --no-demo}: no demo traffic.
 * </ul>
 */
public final class LocalRun {

    private static final Logger log = LoggerFactory.getLogger(LocalRun.class);
    static final int SMTP_PORT = 3025;
    static final int MAIL_HTTP_PORT = 8025;
    static final int SMS_HTTP_PORT = 8026;

    /** What has been started so far, stopped in reverse order on Ctrl-C or a failed start. */
    private static final Deque<AutoCloseable> started = new ArrayDeque<>();

    private LocalRun() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            stopped.countDown();
        }, "loyalty-suite-shutdown"));
        try {
            run(args);
        } catch (LocalKafka.PortInUseException e) {
            log.error(e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            log.error("The loyalty suite could not start", e);
            System.exit(1);
        }
        stopped.await();
    }

    private static void run(String[] args) throws Exception {
        SmsCatcher.answerWithoutDelay();
        boolean demo = !Arrays.asList(args).contains("--no-demo") && !"false".equalsIgnoreCase(System.getenv("LOYALTY_DEMO"));
        int offset = intEnv("LOYALTY_PORT_OFFSET", 0);
        Map<String, Integer> ports = new LinkedHashMap<>();
        SuiteSettings.LOCAL_PORTS.forEach((service, port) -> ports.put(service, port + offset));
        int smtpPort = SMTP_PORT + offset;
        int mailHttpPort = MAIL_HTTP_PORT + offset;

        String bootstrap = System.getenv("LOYALTY_KAFKA_BOOTSTRAP");
        if (bootstrap == null || bootstrap.isBlank()) {
            LocalKafka kafka = started(LocalKafka.start(intEnv("LOYALTY_KAFKA_PORT", LocalKafka.DEFAULT_PORT)));
            bootstrap = kafka.bootstrapServers();
            log.info("Kafka (KRaft, in this JVM) listening on {}", bootstrap);
        }
        LocalIssuer issuer = started(LocalIssuer.start(intEnv("LOYALTY_ISSUER_PORT", LocalIssuer.DEFAULT_PORT + offset)));
        java.nio.file.Path clients = issuer.writeClientsFile(java.nio.file.Path.of(".local-run"));
        log.info("Token issuer on {}; demo client secrets in {}", issuer.issuerUri(), clients.toAbsolutePath());
        String dbUrl = database();
        // benefit-service asks this issuer for its own token (points exchange); only it reads these keys
        System.setProperty("loyalty.benefits.exchange.token-uri", issuer.issuerUri() + "/oauth2/token");
        System.setProperty("loyalty.benefits.exchange.client-id", LocalIssuer.BENEFIT_SERVICE);
        System.setProperty("loyalty.benefits.exchange.client-secret", issuer.secret(LocalIssuer.BENEFIT_SERVICE));
        MailCatcher mail = started(MailCatcher.start(smtpPort, mailHttpPort));
        log.info("SMTP catcher on 127.0.0.1:{}; read the mails at http://127.0.0.1:{}/", smtpPort, mailHttpPort);
        int smsHttpPort = SMS_HTTP_PORT + offset;
        SmsCatcher sms = started(SmsCatcher.start(smsHttpPort, env("LOYALTY_SMS_ACCESS_KEY_SECRET", "local-secret")));
        // notification-service reads its SMS gateway from LOYALTY_SMS_BASE_URL (a system property will do).
        System.setProperty("LOYALTY_SMS_BASE_URL", sms.baseUrl());
        log.info("SMS catcher at {}; read the SMS at http://127.0.0.1:{}/", sms.baseUrl(), smsHttpPort);
        // The daily business report (营业汇报) goes to a merchant address the mail catcher shows; yesterday's
        // report is sent within a minute of a start after 08:00.
        if (System.getenv("LOYALTY_OPERATIONS_RECIPIENTS") == null) {
            System.setProperty("LOYALTY_OPERATIONS_RECIPIENTS", "operations@shop.example");
        }
        if (System.getenv("LOYALTY_REPORT_RECIPIENTS") == null) {
            System.setProperty("LOYALTY_REPORT_RECIPIENTS", "merchant@shop.example");
        }

        LoyaltySuite suite = started(LoyaltySuite.start(new SuiteSettings(
                bootstrap, dbUrl, env("LOYALTY_DB_USER", "postgres"), env("LOYALTY_DB_PASSWORD", ""),
                "127.0.0.1", smtpPort, ports, issuer.issuerUri())));

        log.info(banner(ports, mailHttpPort, bootstrap, issuer.issuerUri()));
        if (demo) {
            new DemoTraffic(suite, bootstrap, issuer.tokens()).run();
            log.info("DEMO done: {} mail(s) caught, see http://127.0.0.1:{}/ . The suite keeps running; Ctrl-C stops it.",
                    mail.received(), mailHttpPort);
            log.info("DEMO done: {} SMS caught, see http://127.0.0.1:{}/", sms.received(), smsHttpPort);
        }
    }

    private static synchronized <T extends AutoCloseable> T started(T resource) {
        started.push(resource);
        return resource;
    }

    private static synchronized void stopAll() {
        if (!started.isEmpty()) {
            log.info("Stopping the loyalty suite");
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("Could not stop cleanly", e);
            }
        }
    }

    private static String banner(Map<String, Integer> ports, int mailHttpPort, String bootstrap, String issuer) {
        return """

                ==================== Loyalty suite is ready ====================
                member-service        http://127.0.0.1:%d/members/{id}
                points-service        http://127.0.0.1:%d/members/{id}/points
                tier-service          http://127.0.0.1:%d/members/{id}/tier   (ladder: /tiers)
                benefit-service       http://127.0.0.1:%d/members/{id}/benefits
                notification-service  http://127.0.0.1:%d/members/{id}/notifications
                each service also has /actuator/health and /actuator/prometheus
                token issuer          %s   (clients: .local-run/clients.env)
                mails caught          http://127.0.0.1:%d/
                Kafka bootstrap       %s
                Demo members: demo-li-lei, demo-han-meimei, demo-wang-xiaoming
                Ctrl-C stops everything.
                ================================================================
                """.formatted(
                        ports.get("member"), ports.get("points"), ports.get("tier"), ports.get("benefit"),
                        ports.get("notification"), issuer, mailHttpPort, bootstrap);
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

    private static int intEnv(String name, int fallback) {
        String value = env(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

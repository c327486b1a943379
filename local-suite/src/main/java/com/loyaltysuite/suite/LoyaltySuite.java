package com.loyaltysuite.suite;

import com.loyaltysuite.benefit.BenefitServiceApplication;
import com.loyaltysuite.member.MemberServiceApplication;
import com.loyaltysuite.notification.NotificationServiceApplication;
import com.loyaltysuite.points.PointsServiceApplication;
import com.loyaltysuite.tier.TierServiceApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The five services, each its own Spring application context with its own config file, schema and
 * consumer group, started side by side in one JVM. They share nothing but Kafka and the PostgreSQL
 * server, exactly as when deployed apart.
 */
public final class LoyaltySuite implements AutoCloseable {

    static final Map<String, Class<?>> SERVICES = services();

    /** The member 360 view's parts, and the service each comes from. */
    private static final Map<String, String> OVERVIEW_PARTS =
            Map.of("points", "points", "tier", "tier", "benefits", "benefit");

    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();

    private LoyaltySuite() {}

    /** Starts every service, upstream first; stops the ones started if one fails. */
    public static LoyaltySuite start(SuiteSettings settings) {
        LoyaltySuite suite = new LoyaltySuite();
        // member-service starts first but calls the others (its member 360 view): every port is known before.
        Map<String, Integer> ports = new LinkedHashMap<>();
        settings.ports().forEach((name, port) -> ports.put(name, port == 0 ? freePort() : port));
        SuiteSettings fixed = new SuiteSettings(
                settings.kafkaBootstrap(),
                settings.dbUrl(),
                settings.dbUser(),
                settings.dbPassword(),
                settings.smtpHost(),
                settings.smtpPort(),
                ports,
                settings.issuerUri());
        try {
            SERVICES.forEach((name, application) -> suite.running.put(name, startOne(name, application, fixed)));
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private static ConfigurableApplicationContext startOne(String name, Class<?> application, SuiteSettings settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + settings.ports().get(name),
                "--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrap(),
                "--spring.datasource.url=" + settings.dbUrl(),
                "--spring.datasource.username=" + settings.dbUser(),
                "--spring.datasource.password=" + settings.dbPassword(),
                // One logging system serves all five contexts: a per-service name in it would be wrong.
                "--logging.include-application-name=false",
                // Whoever started the suite stops it, logging as it goes: Spring must not stop logging first.
                "--logging.register-shutdown-hook=false",
                // OpenAPI at /v3/api-docs and Swagger UI at /swagger-ui/index.html, without a token
                "--springdoc.api-docs.enabled=true",
                "--springdoc.swagger-ui.enabled=true"));
        if (settings.issuerUri() != null) {
            args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + settings.issuerUri());
        }
        if (name.equals("benefit")) {
            // the points exchange reserves and confirms points at points-service
            args.add("--loyalty.benefits.exchange.points-url=http://127.0.0.1:" + settings.ports().get("points"));
        }
        if (name.equals("member")) {
            OVERVIEW_PARTS.forEach((part, service) -> args.add("--loyalty.overview.sources." + part + "=http://127.0.0.1:"
                    + settings.ports().get(service) + "/members/{memberId}/" + part));
        }
        if (name.equals("notification")) {
            args.add("--spring.mail.host=" + settings.smtpHost());
            args.add("--spring.mail.port=" + settings.smtpPort());
        }
        return new SpringApplicationBuilder(application)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    public int port(String service) {
        return ((WebServerApplicationContext) running.get(service)).getWebServer().getPort();
    }

    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    public ConfigurableApplicationContext context(String service) {
        return running.get(service);
    }

    /** Stops the services, downstream first. */
    @Override
    public void close() {
        List<String> names = new ArrayList<>(running.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            running.remove(name).close();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Class<?>> services() {
        Map<String, Class<?>> services = new LinkedHashMap<>();
        services.put("member", MemberServiceApplication.class);
        services.put("points", PointsServiceApplication.class);
        services.put("tier", TierServiceApplication.class);
        services.put("benefit", BenefitServiceApplication.class);
        services.put("notification", NotificationServiceApplication.class);
        return services;
    }
}

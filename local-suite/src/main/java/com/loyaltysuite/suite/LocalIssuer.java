package com.loyaltysuite.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local run's token issuer: Spring Authorization Server, in its own application context, handing
 * out {@code client_credentials} tokens to the demo clients below. The services trust it as their
 * issuer, exactly as they trust the identity server of a deployment.
 *
 * <p>Client secrets are never in code: each comes from {@code LOYALTY_CLIENT_SECRET_<CLIENT>} (e.g.
 * {@code LOYALTY_CLIENT_SECRET_CHECKOUT}) or is drawn at random for the run, and all are written to
 * {@code .local-run/clients.env} (readable by its owner only) for curl and scripts to source.
 */
public final class LocalIssuer implements AutoCloseable {

    public static final int DEFAULT_PORT = 9000;

    /** Client id → the scopes it may ask for. A demo member's client id is the member id. */
    static final Map<String, List<String>> CLIENTS = clients();

    static final String BENEFIT_SERVICE = "benefit-service";

    private final ConfigurableApplicationContext context;
    private final Map<String, String> secrets;

    private LocalIssuer(ConfigurableApplicationContext context, Map<String, String> secrets) {
        this.context = context;
        this.secrets = secrets;
    }

    /** Starts the issuer on 127.0.0.1:{@code port} ({@code 0}: any free port). */
    public static LocalIssuer start(int port) {
        Map<String, String> secrets = new LinkedHashMap<>();
        CLIENTS.keySet().forEach(client -> secrets.put(client, secretFor(client)));
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--logging.register-shutdown-hook=false"));
        if (port != 0) {
            args.add("--spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + port);
        }
        CLIENTS.forEach((client, scopes) -> {
            String prefix = "--spring.security.oauth2.authorizationserver.client." + client + ".registration.";
            args.add(prefix + "client-id=" + client);
            args.add(prefix + "client-secret={noop}" + secrets.get(client));
            args.add(prefix + "client-authentication-methods=client_secret_basic,client_secret_post");
            args.add(prefix + "authorization-grant-types=client_credentials");
            args.add(prefix + "scopes=" + String.join(",", scopes));
        });
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IssuerApplication.class)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
        return new LocalIssuer(context, secrets);
    }

    public String issuerUri() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Map<String, String> secrets() {
        return secrets;
    }

    /** The secret this run gave {@code client}. */
    String secret(String client) {
        return secrets.get(client);
    }

    /** Tokens for the demo clients, from this issuer. */
    public ClientTokens tokens() {
        return new ClientTokens(issuerUri(), secrets, CLIENTS);
    }

    /** Writes {@code <CLIENT>_SECRET=...} lines and the issuer for scripts and curl, owner-only. */
    public Path writeClientsFile(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("clients.env");
        StringBuilder lines = new StringBuilder("# Demo clients of the local token issuer; this run only.\n");
        lines.append("LOYALTY_ISSUER=").append(issuerUri()).append('\n');
        secrets.forEach((client, secret) -> lines.append(variable(client)).append("_SECRET=").append(secret).append('\n'));
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, lines);
        return file;
    }

    @Override
    public void close() {
        context.close();
    }

    static String variable(String client) {
        return client.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String secretFor(String client) {
        String given = System.getenv("LOYALTY_CLIENT_SECRET_" + variable(client));
        if (given != null && !given.isBlank()) {
            return given;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static Map<String, List<String>> clients() {
        Map<String, List<String>> clients = new LinkedHashMap<>();
        clients.put("checkout", List.of("loyalty.checkout"));
        clients.put("support-console", List.of("loyalty.support.read", "loyalty.support.write"));
        clients.put("admin-console", List.of("loyalty.admin"));
        // benefit-service itself, for the points exchange's reservations at points-service
        clients.put(BENEFIT_SERVICE, List.of("loyalty.checkout"));
        for (DemoTraffic.DemoMember member : DemoTraffic.MEMBERS) {
            clients.put(member.id(), List.of("loyalty.member"));
        }
        return clients;
    }

    /** Only what an authorization server needs: no database, no Kafka, no Axon. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
    static class IssuerApplication {}
}

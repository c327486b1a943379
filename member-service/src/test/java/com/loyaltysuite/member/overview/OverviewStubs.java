package com.loyaltysuite.member.overview;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The other services behind the member 360 view, in member-service's tests: points and tier answer from
 * one real HTTP server (WireMock, one per JVM, stubbed by each test), and benefits point at a port where
 * nothing listens. Registered for every context of this module in {@code META-INF/spring.factories}, so
 * all the module's tests keep sharing one cached context; the server starts only when a context binds
 * the view's settings.
 */
public class OverviewStubs implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static WireMockServer server;
    private static Integer closedPort;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
        }
        return server;
    }

    /** A port that was free a moment ago and that nobody listens on: calls to it are refused. */
    static synchronized int closedPort() {
        if (closedPort == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return closedPort;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("loyalty.service.name")) {
            context.getEnvironment().getPropertySources().addFirst(new Sources());
        }
    }

    private static final class Sources extends EnumerablePropertySource<Object> {

        private static final Map<String, Supplier<Object>> PROPERTIES = Map.of(
                // generous, so a loaded build machine answers the healthy stubs in time
                "loyalty.overview.timeout", () -> "2s",
                "loyalty.overview.sources.points", () -> server().baseUrl() + "/members/{memberId}/points",
                "loyalty.overview.sources.tier", () -> server().baseUrl() + "/members/{memberId}/tier",
                "loyalty.overview.sources.benefits", () -> "http://127.0.0.1:" + closedPort() + "/members/{memberId}/benefits");

        Sources() {
            super("memberOverviewStubs");
        }

        @Override
        public String[] getPropertyNames() {
            return PROPERTIES.keySet().toArray(String[]::new);
        }

        @Override
        public Object getProperty(String name) {
            Supplier<Object> value = PROPERTIES.get(name);
            return value == null ? null : value.get();
        }
    }
}

package com.loyaltysuite.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * What every context of this module's tests shares: the SMS gateway is one real HTTP server (WireMock,
 * one per JVM, answering {@code Code: OK} unless a test stubs otherwise), the service's clock is the
 * {@link ShiftedClock}, and the providers' guards are tuned to trip and recover within seconds.
 * Registered for every context in {@code META-INF/spring.factories}, so the module's tests keep sharing
 * one cached context; the server starts only when a service context asks for its address.
 */
public class NotificationTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SMS_PATH = "/sms";
    public static final String MERCHANT = "merchant@shop.example";
    public static final String OPERATIONS = "operations@shop.example";

    private static WireMockServer server;

    public static synchronized WireMockServer smsGateway() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(20));
            server.start();
            acceptEverySms(server);
        }
        return server;
    }

    /** The default answer: accepted, as the gateway answers. */
    public static void acceptEverySms(WireMockServer gateway) {
        gateway.stubFor(post(urlPathEqualTo(SMS_PATH))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\","
                                + "\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}")));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("loyalty.service.name")) {
            context.getEnvironment().getPropertySources().addFirst(new Sources());
            context.getBeanFactory().registerSingleton("shiftedClock", (Clock) ShiftedClock.INSTANCE);
        }
    }

    private static final class Sources extends EnumerablePropertySource<Object> {

        private static final Map<String, Supplier<Object>> PROPERTIES = Map.ofEntries(
                Map.entry("loyalty.notification.sms.base-url", () -> smsGateway().baseUrl() + SMS_PATH),
                Map.entry("loyalty.notification.sms.access-key-secret", () -> "test-secret"),
                Map.entry("loyalty.notification.dispatch.poll-interval", () -> "PT0.2S"),
                Map.entry("loyalty.notification.dispatch.stale-claim-after", () -> "PT3S"),
                Map.entry("loyalty.notification.resilience.sms.timeout", () -> "PT2S"),
                Map.entry("loyalty.notification.resilience.sms.breaker-window", () -> "6"),
                Map.entry("loyalty.notification.resilience.sms.breaker-minimum-calls", () -> "4"),
                Map.entry("loyalty.notification.resilience.sms.open-for", () -> "PT2S"),
                Map.entry("loyalty.notification.resilience.sms.retry-first", () -> "PT0.2S"),
                Map.entry("loyalty.notification.resilience.sms.retry-max", () -> "PT1S"),
                Map.entry("loyalty.notification.resilience.email.retry-first", () -> "PT0.2S"),
                Map.entry("loyalty.notification.resilience.email.retry-max", () -> "PT1S"),
                Map.entry("loyalty.notification.report.recipients", () -> MERCHANT),
                Map.entry("loyalty.notification.operations.recipients", () -> OPERATIONS),
                Map.entry("loyalty.notification.report.check-interval", () -> "PT1S"),
                // Off by default; kept off here however the default changes: every test registers members,
                // and a welcome to each would be one more message in every log.
                Map.entry("loyalty.notification.triggers.welcome.enabled", () -> "false"));

        Sources() {
            super("notificationTestInfrastructure");
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

package com.loyaltysuite.testsupport;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.http.HttpHeaders;

/**
 * Points every Spring application started in a test JVM at the shared broker and database, and makes
 * it trust the test issuer's tokens ({@link TestTokens}).
 * Registered in {@code META-INF/spring.factories}, so having test-support on the test classpath is
 * all a service's tests need.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getEnvironment().containsProperty("loyalty.service.name")) {
            return;
        }
        context.getEnvironment().getPropertySources().addFirst(new SharedInfrastructure());
        // TestRestTemplate calls go out as support staff unless a test sets its own Authorization.
        context.getBeanFactory().registerSingleton("testStaffToken", (RestTemplateCustomizer) rest -> rest.getInterceptors()
                .add((request, body, execution) -> {
                    if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                        request.getHeaders().setBearerAuth(TestTokens.staff());
                    }
                    return execution.execute(request, body);
                }));
    }

    /**
     * The shared broker's and database's coordinates, looked up only when a context asks for them: a
     * controller slice, which has neither Kafka nor a datasource, starts neither.
     */
    static final class SharedInfrastructure extends PropertySource<Object> {

        private static final Map<String, Supplier<Object>> PROPERTIES = Map.of(
                "spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers,
                "spring.datasource.url", () -> SharedDatabase.coordinates().url(),
                "spring.datasource.username", () -> SharedDatabase.coordinates().username(),
                "spring.datasource.password", () -> SharedDatabase.coordinates().password(),
                "spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation,
                // every service test context serves its API docs, which ApiDocsCheck reads
                "springdoc.api-docs.enabled", () -> "true",
                "springdoc.swagger-ui.enabled", () -> "true");

        SharedInfrastructure() {
            super("loyaltyTestInfrastructure");
        }

        @Override
        public Object getProperty(String name) {
            Supplier<Object> value = PROPERTIES.get(name);
            return value == null ? null : value.get();
        }

        @Override
        public boolean containsProperty(String name) {
            return PROPERTIES.containsKey(name);
        }
    }
}

package com.loyaltysuite.testsupport;

import java.util.Map;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
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
        SharedDatabase.Coordinates db = SharedDatabase.coordinates();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "loyaltyTestInfrastructure",
                        Map.of(
                                "spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                                "spring.datasource.url", db.url(),
                                "spring.datasource.username", db.username(),
                                "spring.datasource.password", db.password(),
                                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                                TestTokens.publicKeyLocation())));
        // TestRestTemplate calls go out as support staff unless a test sets its own Authorization.
        context.getBeanFactory().registerSingleton("testStaffToken", (RestTemplateCustomizer) rest -> rest.getInterceptors()
                .add((request, body, execution) -> {
                    if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                        request.getHeaders().setBearerAuth(TestTokens.staff());
                    }
                    return execution.execute(request, body);
                }));
    }
}

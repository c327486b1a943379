package com.loyaltysuite.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring application started in a test JVM at the shared broker and database.
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
                                "spring.datasource.password", db.password())));
    }
}

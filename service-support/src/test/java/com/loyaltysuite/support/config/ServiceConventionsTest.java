package com.loyaltysuite.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.support.LoyaltyService;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceConventionsTest {

    @LoyaltyService("points")
    static class PointsLike {}

    static class NotAService {}

    final ServiceConventions conventions = new ServiceConventions();

    @AfterEach
    void clearSystemProperty() {
        System.clearProperty(ServiceConventions.AXON_UPDATE_CHECKER_DISABLED);
    }

    @Test
    void derivesConfigFileSchemaAndConsumerGroupFromTheServiceName() {
        StandardEnvironment environment = new StandardEnvironment();

        conventions.postProcessEnvironment(environment, new SpringApplication(PointsLike.class));

        assertThat(environment.getProperty("spring.config.name")).isEqualTo("points-service");
        assertThat(environment.getProperty("spring.datasource.hikari.schema")).isEqualTo("points");
        assertThat(environment.getProperty("spring.flyway.locations"))
                .isEqualTo("classpath:db/migration/common,classpath:db/migration/points");
        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("points-service");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
    }

    @Test
    void batchesJdbcWrites() {
        StandardEnvironment environment = new StandardEnvironment();

        conventions.postProcessEnvironment(environment, new SpringApplication(PointsLike.class));

        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.jpa.properties.hibernate.jdbc.batch_size"))
                .isEqualTo("100");
        assertThat(environment.getProperty("spring.jpa.properties.hibernate.order_inserts"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.jpa.properties.hibernate.order_updates"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.jpa.properties.hibernate.jdbc.batch_versioned_data"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size"))
                .isEqualTo("10");
    }

    @Test
    void anythingConfiguredExplicitlyWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("explicit", Map.of(
                "spring.config.name", "custom", "spring.kafka.consumer.group-id", "blue-green-2")));

        conventions.postProcessEnvironment(environment, new SpringApplication(PointsLike.class));

        assertThat(environment.getProperty("spring.config.name")).isEqualTo("custom");
        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("blue-green-2");
    }

    @Test
    void switchesOffAxonsUsageReportingUnlessAnOperatorChoseOtherwise() {
        conventions.postProcessEnvironment(new StandardEnvironment(), new SpringApplication(PointsLike.class));
        assertThat(System.getProperty(ServiceConventions.AXON_UPDATE_CHECKER_DISABLED)).isEqualTo("true");

        System.setProperty(ServiceConventions.AXON_UPDATE_CHECKER_DISABLED, "false");
        conventions.postProcessEnvironment(new StandardEnvironment(), new SpringApplication(PointsLike.class));
        assertThat(System.getProperty(ServiceConventions.AXON_UPDATE_CHECKER_DISABLED)).isEqualTo("false");
    }

    @Test
    void leavesOtherApplicationsAlone() {
        StandardEnvironment environment = new StandardEnvironment();

        conventions.postProcessEnvironment(environment, new SpringApplication(NotAService.class));

        assertThat(environment.getPropertySources().contains(ServiceConventions.PROPERTY_SOURCE)).isFalse();
        assertThat(System.getProperty(ServiceConventions.AXON_UPDATE_CHECKER_DISABLED)).isNull();
    }
}

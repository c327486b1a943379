package com.loyaltysuite.support.config;

import com.loyaltysuite.support.LoyaltyService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every {@link LoyaltyService} the same defaults, derived from its name, at the lowest
 * precedence: anything in the service's own YAML, the environment or the command line wins. Runs
 * before config files are read so that it can choose which file ({@code spring.config.name}).
 */
public class ServiceConventions implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "loyaltyServiceConventions";
    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = serviceName(application);
        if (name == null) {
            return;
        }
        // Axon 4.12+ reports usage to its vendor over the internet unless told not to; our services
        // make no outbound calls but to their own infrastructure. Read by Axon as a system property.
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        if (!environment.containsProperty("spring.config.name")) {
            environment.getPropertySources().addFirst(new MapPropertySource(
                    "loyaltyServiceConfigName", Map.of("spring.config.name", name + "-service")));
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults(name)));
    }

    static Map<String, Object> defaults(String name) {
        String service = name + "-service";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("loyalty.service.name", name);
        p.put("spring.application.name", service);

        p.put("spring.datasource.url", "${LOYALTY_DB_URL:jdbc:postgresql://127.0.0.1:5432/loyalty}");
        p.put("spring.datasource.username", "${LOYALTY_DB_USER:postgres}");
        p.put("spring.datasource.password", "${LOYALTY_DB_PASSWORD:}");
        p.put("spring.datasource.hikari.schema", name);
        // At least the threads that hold a connection at once (consumer threads, tracking
        // processors, the event store's reader, the timer poller): a tracking processor left
        // waiting for one longer than its token claim (10 s) loses the claim to another instance,
        // which then repeats its batch. Shrink the threads, not the pool.
        p.put("spring.datasource.hikari.maximum-pool-size", "10");
        // The driver sends a JDBC batch of inserts as one multi-row insert (Axon's event append,
        // Hibernate's batched inserts, JdbcTemplate.batchUpdate).
        p.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        // Connections are opened as load needs them, not all ten at start (each is a PostgreSQL backend).
        p.put("spring.datasource.hikari.minimum-idle", "2");
        p.put("spring.flyway.schemas", name);
        p.put("spring.flyway.default-schema", name);
        p.put("spring.flyway.locations", "classpath:db/migration/common,classpath:db/migration/" + name);
        // Shared migrations (V0_x) may be added after a service's own (V1+); both sets are independent.
        p.put("spring.flyway.out-of-order", "true");
        p.put("spring.jpa.hibernate.ddl-auto", "validate");
        p.put("spring.jpa.open-in-view", "false");
        p.put("spring.jpa.properties.hibernate.default_schema", name);
        p.put("spring.jpa.properties.hibernate.dialect", "com.loyaltysuite.support.persistence.PostgresByteaDialect");
        // Hibernate writes a transaction's rows in JDBC batches, grouped by table (projections,
        // token updates), instead of one round trip per row.
        p.put("spring.jpa.properties.hibernate.jdbc.batch_size", "100");
        p.put("spring.jpa.properties.hibernate.order_inserts", "true");
        p.put("spring.jpa.properties.hibernate.order_updates", "true");
        p.put("spring.jpa.properties.hibernate.jdbc.batch_versioned_data", "true");

        // API docs and Swagger UI: off in deployed runs unless switched on, on in the local run and the
        // tests. Errors are documented by ApiDocsConfiguration per operation, not springdoc's guess of
        // every @ExceptionHandler on every operation.
        p.put("springdoc.api-docs.enabled", "false");
        p.put("springdoc.swagger-ui.enabled", "false");
        p.put("springdoc.override-with-generic-response", "false");
        p.put("springdoc.default-produces-media-type", "application/json");
        p.put("springdoc.swagger-ui.operations-sorter", "alpha");
        p.put("springdoc.swagger-ui.tags-sorter", "alpha");

        p.put("spring.kafka.bootstrap-servers", "${LOYALTY_KAFKA_BOOTSTRAP:127.0.0.1:9092}");
        p.put("spring.kafka.consumer.group-id", service);
        p.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        // A producer's aborted transaction is never applied: an aborted order earns nothing.
        p.put("spring.kafka.consumer.isolation-level", "read_committed");
        // One consumer thread per service: on two cores more threads only take turns, and one
        // thread's polls are bigger batches. Scale out with instances (partitions move between them).
        p.put("spring.kafka.listener.concurrency", "1");
        // Let a poll gather up to 100 ms of records (or 64 KiB) into one batch, one transaction:
        // a bounded wait, not a poll interval. Each batch costs a transaction here and a wake-up of
        // every tracking processor behind it, so fewer, bigger batches carry more orders on two
        // cores: in the benchmark 20 ms sustained 200 orders/s and 100 ms 250/s, with a lower p99 at
        // 200/s; 200 ms carried no more than 100 ms. The price is latency at low load: each hop
        // waits up to the full 100 ms for records that do not come.
        p.put("spring.kafka.consumer.fetch-min-size", "65536");
        p.put("spring.kafka.consumer.fetch-max-wait", "100ms");
        // Listeners take a whole poll at a time and apply it in one transaction (InboundEvents).
        p.put("spring.kafka.listener.type", "batch");
        p.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        p.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        p.put("spring.kafka.producer.acks", "all");
        p.put("spring.kafka.producer.properties.enable.idempotence", "true");
        p.put("spring.kafka.producer.client-id", service);
        p.put("spring.kafka.producer.properties.linger.ms", "5");

        p.put("axon.axonserver.enabled", "false");
        // Axon's handler timeouts schedule and cancel a task around every message handled; our own
        // meters (consumed events, processor lag) show what is slow without that cost per message.
        p.put("axon.timeout.enabled", "false");
        // XStream cannot read records back; Jackson can.
        p.put("axon.serializer.general", "jackson");
        p.put("axon.serializer.events", "jackson");
        p.put("axon.serializer.messages", "jackson");

        // Two cores carry everything: a few request threads per service are plenty, and idle ones cost memory.
        p.put("server.tomcat.threads.max", "16");
        p.put("server.tomcat.threads.min-spare", "2");

        p.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics,projections");
        p.put("management.endpoint.health.probes.enabled", "true");
        p.put("management.info.git.mode", "simple");
        p.put("management.metrics.tags.application", service);
        p.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        return p;
    }

    private static String serviceName(SpringApplication application) {
        for (Object source : application.getAllSources()) {
            if (source instanceof Class<?> type && type.isAnnotationPresent(LoyaltyService.class)) {
                return type.getAnnotation(LoyaltyService.class).value();
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        // Before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10) reads spring.config.name.
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}

package com.loyaltysuite.support.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.InstantJsonModule;
import com.loyaltysuite.support.apidocs.ApiDocsConfiguration;
import com.loyaltysuite.support.inbox.Inbox;
import com.loyaltysuite.support.messaging.DeadLetterConfiguration;
import com.loyaltysuite.support.messaging.DeadLetters;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import com.loyaltysuite.support.messaging.IntegrationEventRelay;
import com.loyaltysuite.support.projections.ProcessorMeters;
import com.loyaltysuite.support.projections.ProjectionsEndpoint;
import com.loyaltysuite.support.retention.Retention;
import com.loyaltysuite.support.security.ApiSecurityConfiguration;
import com.loyaltysuite.support.security.ExpensiveCalls;
import com.loyaltysuite.support.timers.DueTimerPoller;
import com.loyaltysuite.support.timers.DueTimerRoutes;
import com.loyaltysuite.support.timers.DueTimers;
import com.loyaltysuite.support.transactions.RootUnitOfWork;
import com.loyaltysuite.support.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared plumbing of a {@link com.loyaltysuite.support.LoyaltyService}. */
@AutoConfiguration
@ConditionalOnProperty("loyalty.service.name")
@EnableConfigurationProperties(KafkaTopicsProperties.class)
@Import({
    DeadLetterConfiguration.class,
    ProblemDetailsAdvice.class,
    ApiSecurityConfiguration.class,
    ApiDocsConfiguration.class
})
@EnableScheduling
public class LoyaltyServiceAutoConfiguration {

    /** Business rules take time from this clock, so tests can fix it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Instants in JSON without {@code DateTimeFormatter}: Spring Boot adds this module to its
     * ObjectMapper after the Java time module, and Axon's serializers use that mapper, so every stored
     * event, snapshot and timer payload is read and written through it.
     */
    @Bean
    InstantJsonModule instantJsonModule() {
        return new InstantJsonModule();
    }

    @Bean
    DueTimers dueTimers(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            RootUnitOfWork unitOfWork,
            Clock clock,
            List<DueTimerRoutes> routes,
            ObjectMapper json,
            MeterRegistry meters) {
        return new DueTimers(
                jdbc,
                new TransactionTemplate(transactionManager),
                unitOfWork,
                clock,
                routes,
                json,
                meters);
    }

    /** Off ({@code loyalty.timers.poll=false}) only where a test fires timers itself. */
    @Bean
    @ConditionalOnProperty(name = "loyalty.timers.poll", havingValue = "true", matchIfMissing = true)
    DueTimerPoller dueTimerPoller(DueTimers timers, @Value("${loyalty.timers.batch-size:50}") int batchSize) {
        return new DueTimerPoller(timers, batchSize);
    }

    @Bean
    ProcessorMeters processorMeters(EventProcessingConfiguration processing, JdbcTemplate jdbc, MeterRegistry meters) {
        return new ProcessorMeters(processing, jdbc, meters);
    }

    @Bean
    ProjectionsEndpoint projectionsEndpoint(
            EventProcessingConfiguration processing, JdbcTemplate jdbc, ExpensiveCalls expensiveCalls) {
        return new ProjectionsEndpoint(processing, jdbc, expensiveCalls);
    }

    /** Prunes the inbox and fired timers by age; off ({@code loyalty.retention.enabled=false}) where a test prunes itself. */
    @Bean
    @ConditionalOnProperty(name = "loyalty.retention.enabled", havingValue = "true", matchIfMissing = true)
    Retention retention(
            JdbcTemplate jdbc,
            Clock clock,
            MeterRegistry meters,
            @Value("${loyalty.retention.inbox-keep:P14D}") Duration inboxKeep,
            @Value("${loyalty.retention.fired-timers-keep:P30D}") Duration firedTimersKeep) {
        return new Retention(jdbc, clock, inboxKeep, firedTimersKeep, meters);
    }

    @Bean
    Inbox inbox(JdbcTemplate jdbc) {
        return new Inbox(jdbc);
    }

    @Bean
    RootUnitOfWork rootUnitOfWork(TransactionManager transactionManager) {
        return new RootUnitOfWork(transactionManager);
    }

    @Bean
    InboundEvents inboundEvents(
            Inbox inbox,
            RootUnitOfWork unitOfWork,
            DeadLetters deadLetters,
            MeterRegistry meters) {
        // The events' age is measured in real time, never by the business clock tests may fix.
        return new InboundEvents(inbox, unitOfWork, deadLetters, meters, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    IntegrationEventRelay integrationEventRelay(
            IntegrationEventMapper mapper,
            KafkaOperations<String, byte[]> kafka,
            MeterRegistry meters,
            @Value("${loyalty.service.name}") String serviceName) {
        return new IntegrationEventRelay(mapper, kafka, serviceName, meters);
    }

    /**
     * Event handlers that fail must not skip the event (Axon's default logs and moves on): the
     * processor stops, backs off and retries, so projections and the relay never lose an event.
     */
    @Bean
    ConfigurerModule propagateEventHandlerErrors() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * Tracking processors (projections, the relay) handle events in batches, one transaction and one
     * token update per batch instead of per event. A batch that fails is retried whole; handlers are
     * idempotent.
     */
    @Bean
    ConfigurerModule batchTrackingProcessors(@Value("${loyalty.axon.batch-size:500}") int batchSize) {
        return configurer -> configurer
                .eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize));
    }

    @Bean
    KafkaAdmin.NewTopics loyaltyTopics(KafkaTopicsProperties topics) {
        List<NewTopic> newTopics = new ArrayList<>();
        Stream.concat(topics.produces().stream(), topics.consumes().stream())
                .distinct()
                .forEach(name -> newTopics.add(topic(name, topics)));
        topics.consumes().forEach(name -> newTopics.add(topic(Topics.deadLetterOf(name), topics)));
        return new KafkaAdmin.NewTopics(newTopics.toArray(NewTopic[]::new));
    }

    static NewTopic topic(String name, KafkaTopicsProperties topics) {
        KafkaTopicsProperties.TopicSettings settings = topics.settingsOf(name);
        return TopicBuilder.name(name)
                .partitions(settings.partitions())
                .replicas(settings.replicas())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()))
                .build();
    }
}

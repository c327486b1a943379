package com.loyaltysuite.support.aggregates;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Keeps event-sourced aggregates warm: a bounded cache per aggregate type ({@link AggregateCaches})
 * and a snapshot every {@code loyalty.axon.snapshot-threshold} events. An aggregate opts in with
 * {@code @Aggregate(cache = "<its cache bean>", snapshotTriggerDefinition = "aggregateSnapshotTrigger")}
 * and a {@code @Revision}, which Axon turns into a filter: a snapshot of another revision is ignored
 * and the aggregate is replayed from its events.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@ConditionalOnProperty("loyalty.service.name")
@EnableConfigurationProperties(AggregatesProperties.class)
public class AggregatesAutoConfiguration {

    /**
     * At most this many aggregates of each type in memory. A points account or member tier with a
     * year of orders is a few KB on the heap, so the default costs some tens of MB per type.
     */
    @Bean
    AggregateCaches aggregateCaches(
            AggregatesProperties properties, MeterRegistry meters) {
        return new AggregateCaches(properties.aggregateCache().maxSize(), meters);
    }

    /**
     * Axon's Spring snapshotter (it would make the same one), except that the snapshot is taken on the
     * calling thread after the command's transaction has ended, in a transaction of its own: a snapshot
     * that fails is logged by Axon and never rolls back the command that triggered it.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            PlatformTransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory) {
        DefaultTransactionDefinition ownTransaction =
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(new SpringTransactionManager(transactionManager, ownTransaction))
                .executor(new AfterTransactionExecutor())
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .build();
    }

    /**
     * A snapshot every N events of an aggregate (counted across commands while it stays cached), so a
     * cold load reads one snapshot and fewer than N events. Taking one reads the aggregate's events
     * since the last snapshot and writes one row, so its cost is spread over N events.
     */
    @Bean
    SnapshotTriggerDefinition aggregateSnapshotTrigger(
            ObjectProvider<Snapshotter> snapshotter, AggregatesProperties properties) {
        // Looked up when first used: the snapshotter needs the Axon configuration, which needs this.
        Snapshotter lazy = (type, id) -> snapshotter.getObject().scheduleSnapshot(type, id);
        return new EventCountSnapshotTriggerDefinition(lazy, properties.snapshotThreshold());
    }
}

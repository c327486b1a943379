package com.loyaltysuite.support.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The aggregate cache on its own, and behind Axon's caching repository, with and without transactions. */
class BoundedAggregateCacheTest {

    record Count(@TargetAggregateIdentifier String id) {}

    record Counted(String id) {}

    static class Counter {
        @AggregateIdentifier
        String id;

        int count;

        Counter() {}

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
        void handle(Count command) {
            apply(new Counted(command.id()));
        }

        @EventSourcingHandler
        void on(Counted event) {
            id = event.id();
            count++;
        }
    }

    /** A transaction manager with nothing to commit: only Spring's synchronization. */
    static class NoResources extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Cache cache = new AggregateCaches(2, meters).create(Counter.class);
    Configuration axon;

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    final TransactionTemplate transaction = new TransactionTemplate(new NoResources());

    @Test
    void aWriteInsideATransactionIsSeenOnlyOnceTheTransactionHasCommitted() {
        cache.put("A", "committed before");

        transaction.executeWithoutResult(status -> {
            cache.put("A", "first");
            cache.put("A", "second");
            assertThat(cache.containsKey("A")).isFalse(); // nobody loads state that may still roll back
        });

        assertThat(cache.<String, String>get("A")).isEqualTo("second");
    }

    @Test
    void aWriteInsideATransactionThatRollsBackIsNeverSeen() {
        cache.put("A", "committed before");

        transaction.executeWithoutResult(status -> {
            cache.put("A", "rolled back");
            status.setRollbackOnly();
        });

        assertThat(cache.containsKey("A")).isFalse();
    }

    @Test
    void aRemovalInsideATransactionCancelsItsEarlierWrite() {
        transaction.executeWithoutResult(status -> {
            cache.put("A", "written by a command that then failed");
            cache.remove("A"); // Axon's rollback of that command's unit of work
        });

        assertThat(cache.containsKey("A")).isFalse();
    }

    @Test
    void theLeastRecentlyUsedAggregatesLeaveWhenTheCacheIsFull() {
        cache.put("A", "a");
        cache.put("B", "b");
        cache.get("A");
        cache.put("C", "c");
        ((BoundedAggregateCache) cache).entries().cleanUp();

        assertThat(AggregateCaches.stats(cache).evictionCount()).isEqualTo(1);
        assertThat(meters.get("loyalty.aggregates.cache.size").gauge().value()).isEqualTo(2);
    }

    @Test
    void anAggregateIsLoadedFromTheStoreOnceThenServedFromMemory() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureTransactionManager(c -> new SpringTransactionManager(new NoResources()))
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Counter.class).configureCache(c -> cache))
                .start();

        axon.commandGateway().sendAndWait(new Count("A"));
        axon.commandGateway().sendAndWait(new Count("A"));
        axon.commandGateway().sendAndWait(new Count("A"));

        assertThat(AggregateCaches.stats(cache).hitCount()).isEqualTo(2);
        assertThat(meters.get("loyalty.aggregates.cache.gets").tag("result", "hit").functionCounter().count())
                .isEqualTo(2);
    }
}

package com.loyaltysuite.support.persistence;

import static com.loyaltysuite.support.persistence.EventStoreTestApplication.event;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 8: two instances of a service append to one event store, each in its own transactions and
 * through its own connection pool; one takes a low global index and commits late. A tracking
 * processor must see every event exactly once.
 *
 * <p>With the former allocation (each instance reserved blocks of 50 indexes with Hibernate's
 * pooled ids) an instance used an index from a block reserved long before its insert: its event
 * could commit below events the processor had read minutes earlier, after the processor had given
 * up that gap (gap timeout), and was never relayed. Now the database hands out an index at the
 * insert, one at a time: a late commit is a transaction still open, whose gap the processor keeps
 * watching, and the indexes of both instances together run without holes.
 */
@SpringBootTest(classes = EventStoreTestApplication.class)
class TwoWritersGapIT {

    @Autowired
    EventStorageEngine instanceOne;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    @Qualifier("serializer")
    Serializer snapshotSerializer;

    final String run = "gap-" + UUID.randomUUID();
    final List<String> handled = new CopyOnWriteArrayList<>();
    final ExecutorService writers = Executors.newFixedThreadPool(3);
    HikariDataSource instanceTwoPool;
    JdbcEventStorageEngine instanceTwo;
    TransactionTemplate instanceTwoTransaction;
    EmbeddedEventStore reader;
    TrackingEventProcessor processor;

    @BeforeEach
    void secondInstanceAndATrackingProcessor() {
        HikariDataSource servicePool = (HikariDataSource) dataSource;
        instanceTwoPool = new HikariDataSource();
        instanceTwoPool.setPoolName("instance-two");
        instanceTwoPool.setJdbcUrl(servicePool.getJdbcUrl());
        instanceTwoPool.setUsername(servicePool.getUsername());
        instanceTwoPool.setPassword(servicePool.getPassword());
        instanceTwoPool.setSchema(servicePool.getSchema());
        instanceTwoPool.setMaximumPoolSize(3);
        instanceTwoPool.setDataSourceProperties(servicePool.getDataSourceProperties());
        DataSourceTransactionManager instanceTwoTransactions = new DataSourceTransactionManager(instanceTwoPool);
        instanceTwoTransaction = new TransactionTemplate(instanceTwoTransactions);
        instanceTwo = engine(instanceTwoPool, instanceTwoTransactions);

        // Reads as a service's processors do, but polls every 10 ms: nothing wakes it for events
        // another instance appended.
        reader = EmbeddedEventStore.builder()
                .storageEngine(engine(dataSource, transactionManager))
                .fetchDelay(10)
                .build();
        processor = TrackingEventProcessor.builder()
                .name(run)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers((EventMessageHandler) event -> handled.add(event.getIdentifier()))
                        .build())
                .messageSource(reader)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(20))
                .build();
        processor.start();
    }

    @AfterEach
    void stop() {
        processor.shutDown();
        reader.shutDown();
        writers.shutdownNow();
        instanceTwoPool.close();
    }

    @Test
    void anEventThatTookALowIndexAndCommittedLateIsSeenAndEveryEventExactlyOnce() throws Exception {
        List<String> appended = new CopyOnWriteArrayList<>();

        // Instance two inserts an event and holds its transaction open.
        DomainEventMessage<?> late = event(run + "-late", 0, "two");
        AtomicLong lateIndex = new AtomicLong();
        CountDownLatch lateInserted = new CountDownLatch(1);
        CountDownLatch commitLate = new CountDownLatch(1);
        Future<?> lateWriter = writers.submit(() -> instanceTwoTransaction.executeWithoutResult(status -> {
            instanceTwo.appendEvents(late);
            lateIndex.set(new JdbcTemplate(instanceTwoPool)
                    .queryForObject(
                            "select global_index from domain_event_entry where event_identifier = ?",
                            Long.class,
                            late.getIdentifier()));
            lateInserted.countDown();
            awaitLatch(commitLate);
        }));
        assertThat(lateInserted.await(30, SECONDS)).isTrue();
        appended.add(late.getIdentifier());

        // Instance one commits many events above it, and the processor reads past it.
        List<String> above = appendInTransactions(instanceOne, "above", 30, 10);
        appended.addAll(above);
        await().atMost(30, SECONDS).until(() -> handled.containsAll(above));
        GapAwareTrackingToken passed = (GapAwareTrackingToken)
                processor.processingStatus().get(0).getTrackingToken();
        assertThat(passed.getIndex()).isGreaterThan(lateIndex.get());
        assertThat(passed.getGaps()).contains(lateIndex.get());
        assertThat(handled).doesNotContain(late.getIdentifier());

        // The late commit is still seen.
        commitLate.countDown();
        lateWriter.get(30, SECONDS);
        await().atMost(30, SECONDS).until(() -> handled.contains(late.getIdentifier()));

        // Then both instances at once, in many small overlapping transactions.
        Future<List<String>> fromOne = writers.submit(() -> appendInTransactions(instanceOne, "one", 40, 5));
        Future<List<String>> fromTwo = writers.submit(() -> appendInTransactions(instanceTwo, "two", 40, 5));
        appended.addAll(fromOne.get(60, SECONDS));
        appended.addAll(fromTwo.get(60, SECONDS));

        await().atMost(30, SECONDS).until(() -> handled.containsAll(appended));
        assertThat(handled.stream().filter(appended::contains).toList())
                .hasSameSizeAs(appended)
                .doesNotHaveDuplicates();
        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier like ? order by global_index",
                Long.class,
                run + "%");
        assertThat(indexes).hasSameSizeAs(appended);
        assertThat(indexes.get(indexes.size() - 1) - indexes.get(0) + 1)
                .as("indexes of both instances without holes (no blocks of 50)")
                .isEqualTo(indexes.size());
    }

    /** Appends {@code perTransaction} events of a new aggregate per transaction, as a command would. */
    private List<String> appendInTransactions(
            EventStorageEngine instance, String writer, int transactions, int perTransaction) {
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < transactions; t++) {
            String aggregateId = run + "-" + writer + "-" + t;
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int n = 0; n < perTransaction; n++) {
                events.add(event(aggregateId, n, writer));
            }
            instance.appendEvents(events);
            events.forEach(e -> ids.add(e.getIdentifier()));
        }
        return ids;
    }

    private JdbcEventStorageEngine engine(DataSource pool, PlatformTransactionManager transactions) {
        return EventStoreConfiguration.jdbcEventStorageEngine(
                pool,
                transactions,
                eventSerializer,
                snapshotSerializer,
                NoOpEventUpcaster.INSTANCE,
                SnapshotFilter.allowAll());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

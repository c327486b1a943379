package com.loyaltysuite.support.persistence;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's event store on plain JDBC, over the tables of {@code V0_1__axon_tables.sql}.
 *
 * <p>The global index comes from the database as each row is inserted ({@code V0_4}), one at a time:
 * an index is handed out just before its transaction commits, so another instance can never commit
 * into a range that tracking processors passed long ago (as Hibernate's blocks of 50 allowed). All
 * events of a unit of work are appended as one JDBC batch, which the driver sends as one multi-row
 * insert ({@code reWriteBatchedInserts}). The engine takes its connection from Spring's transaction
 * ({@code DataSourceUtils}), so events commit or roll back with the inbox row and everything else
 * the transaction writes.
 *
 * <p>The processors' tokens are kept by Axon's JDBC token store in the same table the JPA store used,
 * on the same connection as the rest of the processor's transaction: one plain statement per batch
 * instead of Hibernate loading, dirty-checking and flushing a token entity, which was a good part of
 * every outbox relay's and projection's batch.
 *
 * <p>An auto-configuration of its own, ordered before Axon's, because Axon's JPA and JDBC engines
 * and token stores back off only if ours are already defined when their turn comes.
 */
@AutoConfiguration(
        before = {JpaEventStoreAutoConfiguration.class, JpaAutoConfiguration.class, JdbcAutoConfiguration.class})
@ConditionalOnProperty("loyalty.service.name")
@EnableConfigurationProperties(TokenStoreProperties.class)
public class EventStoreConfiguration {

    /** Events per query when a tracking processor reads the store, and per query of an aggregate's stream. */
    static final int BATCH_SIZE = 500;

    /**
     * How long a missing index may still be filled by a transaction that has not committed yet,
     * counted from the timestamps of the events after it. Longer than any transaction stays open
     * after inserting its events (Axon inserts them at the end of a unit of work, just before the
     * commit), plus clock skew between instances (timestamps come from the writer's clock). Axon's
     * default.
     */
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    /**
     * How far behind the newest index a gap is still watched. Large enough that the gap timeout (a
     * time), not the number of events other transactions wrote meanwhile, decides when a gap is
     * given up: at 2,000 orders/s a service writes about 4,000 events/s, so Axon's default of 10,000
     * would leave an open transaction under 3 s. Gaps cost only while they exist (each is a
     * parameter of the next read): they are transactions in flight, or rolled back after their
     * insert (rare: a conflict on the insert itself).
     */
    static final int MAX_GAP_OFFSET = 1_000_000;

    /**
     * Above this many gaps, the reader drops those older than the gap timeout before each read
     * (rolled-back inserts leave permanent ones). Axon's default.
     */
    static final int GAP_CLEANING_THRESHOLD = 250;

    /** PostgreSQL's SQLSTATE for a unique violation: a concurrent append to the same aggregate. */
    private static final int UNIQUE_VIOLATION = 23505;

    @Bean
    EventStorageEngine eventStorageEngine(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            @Qualifier("serializer") Serializer snapshotSerializer,
            org.axonframework.config.Configuration axon) {
        return jdbcEventStorageEngine(
                dataSource,
                transactionManager,
                eventSerializer,
                snapshotSerializer,
                axon.upcasterChain(),
                axon.snapshotFilter());
    }

    static JdbcEventStorageEngine jdbcEventStorageEngine(
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            Serializer eventSerializer,
            Serializer snapshotSerializer,
            EventUpcaster upcasters,
            SnapshotFilter snapshotFilter) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(transactionManager))
                .schema(schema())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(upcasters)
                .snapshotFilter(snapshotFilter)
                .persistenceExceptionResolver(duplicateKeyResolver())
                .batchSize(BATCH_SIZE)
                // An aggregate's sequence numbers have no holes, so a short batch is its last. The
                // JDBC engine's default reads until an empty batch: one more query per load.
                .finalAggregateBatchPredicate(batch -> batch.size() < BATCH_SIZE)
                .gapTimeout(GAP_TIMEOUT_MILLIS)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapCleaningThreshold(GAP_CLEANING_THRESHOLD)
                // When a read finds nothing within the next BATCH_SIZE indexes, look for the next
                // existing one: a rolled-back transaction of more than BATCH_SIZE events would
                // otherwise stop every processor for good.
                .extendedGapCheckEnabled(true)
                .build();
    }

    /**
     * @param nodeId {@code loyalty.axon.node-id}: the name this instance claims segments under; by
     *     default Axon's, the JVM's name ({@code pid@host}), unique per instance unless two instances
     *     share a JVM (as in tests)
     */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    TokenStore tokenStore(
            DataSource dataSource,
            @Qualifier("serializer") Serializer serializer,
            TokenStoreProperties properties,
            @Value("${loyalty.axon.node-id:}") String nodeId) {
        JdbcTokenStore.Builder tokenStore = JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(serializer)
                .schema(tokenSchema())
                .contentType(byte[].class)
                .claimTimeout(properties.getClaimTimeout());
        if (!nodeId.isBlank()) {
            tokenStore.nodeId(nodeId);
        }
        return tokenStore.build();
    }

    /** The JPA token store's table, {@code V0_1__axon_tables.sql}, in its snake_case names. */
    static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** The snake_case tables Flyway created; Axon's defaults are camelCase names PostgreSQL would fold. */
    static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Turns a duplicate (aggregate, sequence number) into Axon's ConcurrencyException, which
     * commands retry. Axon's JDBC default looks for SQLIntegrityConstraintViolationException, which
     * the PostgreSQL driver never throws.
     */
    private static PersistenceExceptionResolver duplicateKeyResolver() {
        return new SQLErrorCodesResolver(List.of(UNIQUE_VIOLATION));
    }
}

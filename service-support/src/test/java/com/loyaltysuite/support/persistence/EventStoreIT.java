package com.loyaltysuite.support.persistence;

import static com.loyaltysuite.support.persistence.EventStoreTestApplication.event;
import static com.loyaltysuite.support.persistence.EventStoreTestApplication.newAggregateId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.loyaltysuite.events.codec.InstantJsonModule;
import com.loyaltysuite.support.correlation.MessageOriginCorrelation;
import com.loyaltysuite.support.persistence.EventStoreTestApplication.Appended;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The JDBC event store of every service, against a real PostgreSQL migrated by Flyway. */
@SpringBootTest(classes = EventStoreTestApplication.class)
class EventStoreIT {

    @Autowired
    EventStorageEngine engine;

    @Autowired
    EventStore eventStore;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void theServicesEventStoreIsAxonsJdbcEngineUnderSpringsJpaTransactions() {
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
        assertThat(jdbc.queryForObject(
                        "select increment_by from pg_sequences where schemaname = current_schema()"
                                + " and sequencename = 'domain_event_entry_seq'",
                        Long.class))
                .isOne();
    }

    @Test
    void storedEventsReadAndWriteInstantsThroughTheSuitesOwnInstantCodec() throws Exception {
        ObjectMapper mapper = ((JacksonSerializer) eventSerializer).getObjectMapper();
        DeserializationContext reading = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);

        // Registered after the Java time module, so ours are the ones found for Instant.
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(Instant.class).getClass().getEnclosingClass())
                .isEqualTo(InstantJsonModule.class);
        assertThat(reading.findRootValueDeserializer(mapper.constructType(Instant.class)).getClass().getEnclosingClass())
                .isEqualTo(InstantJsonModule.class);
        Instant at = Instant.parse("2026-12-05T10:15:30.120Z");
        SerializedObject<byte[]> stored = eventSerializer.serialize(new Stamped(at), byte[].class);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"at\":\"2026-12-05T10:15:30.120Z\"}");
        assertThat(eventSerializer.<byte[], Stamped>deserialize(stored)).isEqualTo(new Stamped(at));
    }

    record Stamped(Instant at) {}

    @Test
    void processorsKeepTheirTokensInTheTokenTableThroughJdbc(@Autowired TokenStore tokens) {
        String processor = newAggregateId("token-test");
        assertThat(tokens).isInstanceOf(JdbcTokenStore.class);

        transaction.executeWithoutResult(status -> {
            tokens.initializeTokenSegments(processor, 2);
            tokens.fetchToken(processor, 1);
            tokens.storeToken(GapAwareTrackingToken.newInstance(41, List.of(39L)), processor, 1);
        });

        Map<String, Object> row = jdbc.queryForMap(
                "select owner, token_type, convert_from(token, 'UTF8') as token from token_entry"
                        + " where processor_name = ? and segment = 1",
                processor);
        assertThat(row.get("owner")).isNotNull();
        assertThat(row.get("token_type")).isEqualTo(GapAwareTrackingToken.class.getName());
        assertThat((String) row.get("token")).contains("\"index\":41");
        TrackingToken fetched = transaction.execute(status -> tokens.fetchToken(processor, 1));
        assertThat(fetched).isEqualTo(GapAwareTrackingToken.newInstance(41, List.of(39L)));
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class, processor))
                .isEqualTo(2);
    }

    @Test
    void messagesTakeTheirCorrelationFromTheSuitesProviderAlone(@Autowired Configuration axon) {
        assertThat(axon.correlationDataProviders()).singleElement().isInstanceOf(MessageOriginCorrelation.class);
    }

    @Test
    void anEventStoredUnderTheOldNameOfARenamedClassLoadsAsTheNewClass() {
        String aggregateId = newAggregateId("renamed");
        DomainEventMessage<Appended> appended = event(aggregateId, 0, "before-the-rename");
        transaction.executeWithoutResult(status -> eventStore.publish(appended));
        // As an older release wrote it: same JSON, the class's former name.
        jdbc.update(
                "update domain_event_entry set payload_type = ? where event_identifier = ?",
                EventStoreTestApplication.OLD_NAME_OF_APPENDED,
                appended.getIdentifier());

        List<? extends DomainEventMessage<?>> read = eventStore.readEvents(aggregateId).asStream().toList();

        assertThat(read).singleElement().satisfies(message -> {
            assertThat(message.getPayload()).isEqualTo(new Appended("before-the-rename", 0));
            assertThat(message.getIdentifier()).isEqualTo(appended.getIdentifier());
        });
    }

    @Test
    void eventsCommitOrRollBackWithTheRestOfTheirTransaction() {
        DomainEventMessage<Appended> rolledBack = event(newAggregateId("atomic"), 0, "one");

        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    "insert into inbox_message (consumer, event_id, topic, processed_at) values ('test', ?, 't', now())",
                    rolledBack.getIdentifier());
            eventStore.publish(rolledBack);
            // The engine wrote on the transaction's own connection: visible here, not outside.
            assertThat(countEvents(jdbc, rolledBack.getIdentifier())).isOne();
            assertThat(countEventsOutsideTheTransaction(rolledBack.getIdentifier()))
                    .isZero();
            status.setRollbackOnly();
        });

        assertThat(countEvents(jdbc, rolledBack.getIdentifier())).isZero();
        assertThat(countInbox(rolledBack.getIdentifier())).isZero();

        DomainEventMessage<Appended> committed = event(newAggregateId("atomic"), 0, "one");
        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    "insert into inbox_message (consumer, event_id, topic, processed_at) values ('test', ?, 't', now())",
                    committed.getIdentifier());
            eventStore.publish(committed);
        });

        assertThat(countEvents(jdbc, committed.getIdentifier())).isOne();
        assertThat(countInbox(committed.getIdentifier())).isOne();
    }

    @Test
    void aSecondEventWithTheSameSequenceNumberIsAConcurrencyConflict() {
        String aggregateId = newAggregateId("conflict");
        engine.appendEvents(event(aggregateId, 0, "one"), event(aggregateId, 1, "one"));

        assertThatThrownBy(() -> engine.appendEvents(event(aggregateId, 1, "two")))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event(aggregateId, 0, "two")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents(aggregateId).asStream().map(e -> ((Appended) e.getPayload()).writer()))
                .containsExactly("one", "one");
    }

    @Test
    void rowsHaveTheColumnFormatsOfTheFormerJpaEngine() throws Exception {
        // What the JPA engine stored is what Hibernate bound from Axon's DomainEventEntry.
        String aggregateId = newAggregateId("format");
        DomainEventMessage<Appended> older = event(aggregateId, 0, "jpa");
        long olderIndex = jdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class);
        DomainEventEntry entity = insertAsTheJpaEngineDid(jdbc, older, olderIndex);

        DomainEventMessage<Appended> newer = event(aggregateId, 1, "jdbc");
        engine.appendEvents(newer);

        Map<String, Object> row = jdbc.queryForMap(
                "select * from domain_event_entry where event_identifier = ?", newer.getIdentifier());
        DomainEventEntry expected = new DomainEventEntry(newer, eventSerializer);
        assertThat((Long) row.get("global_index")).isEqualTo(olderIndex + 1);
        assertThat(row.get("time_stamp")).isEqualTo(rawTimestamp(expected));
        assertThat(row.get("payload")).isEqualTo(expected.getPayload().getData());
        assertThat(row.get("meta_data")).isEqualTo(expected.getMetaData().getData());
        assertThat(row.get("payload_type")).isEqualTo(expected.getPayload().getType().getName());
        assertThat(row.get("type")).isEqualTo(expected.getType());

        DomainEventStream stream = engine.readEvents(aggregateId);
        List<? extends DomainEventMessage<?>> read = stream.asStream().toList();
        assertThat(read).extracting(DomainEventMessage::getIdentifier)
                .containsExactly(older.getIdentifier(), newer.getIdentifier());
        assertThat(read.get(0).getPayload()).isEqualTo(older.getPayload());
        assertThat(read.get(0).getMetaData()).isEqualTo(older.getMetaData());
        assertThat(read.get(0).getTimestamp()).isEqualTo(entity.getTimestamp());
        try (var tracked = engine.readEvents(engine.createTokenAt(older.getTimestamp().minusSeconds(1)), false)) {
            assertThat(tracked.map(TrackedEventMessage::getIdentifier))
                    .containsSubsequence(older.getIdentifier(), newer.getIdentifier());
        }
    }

    @Test
    void afterTheMigrationNewIndexesFollowTheBlocksTheJpaEngineUsed() {
        HikariDataSource servicePool = (HikariDataSource) dataSource;
        DriverManagerDataSource upgraded = new DriverManagerDataSource(
                servicePool.getJdbcUrl(), servicePool.getUsername(), servicePool.getPassword());
        upgraded.setSchema("eventstore_upgrade");
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(upgraded)
                .schemas("eventstore_upgrade")
                .defaultSchema("eventstore_upgrade")
                .locations("classpath:db/migration/common");
        flyway.target(MigrationVersion.fromVersion("0.3")).load().migrate();
        JdbcTemplate upgradedJdbc = new JdbcTemplate(upgraded);
        // Hibernate's pooled ids: the sequence's value is the top of the block an instance uses.
        upgradedJdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class);
        long blockTop = upgradedJdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class);
        String aggregateId = newAggregateId("upgrade");
        insertAsTheJpaEngineDid(upgradedJdbc, event(aggregateId, 0, "jpa"), blockTop - 49);
        insertAsTheJpaEngineDid(upgradedJdbc, event(aggregateId, 1, "jpa"), blockTop);

        flyway.target(MigrationVersion.LATEST).load().migrate();
        JdbcEventStorageEngine upgradedEngine = EventStoreConfiguration.jdbcEventStorageEngine(
                upgraded,
                new DataSourceTransactionManager(upgraded),
                eventSerializer,
                eventSerializer,
                NoOpEventUpcaster.INSTANCE,
                SnapshotFilter.allowAll());
        upgradedEngine.appendEvents(event(aggregateId, 2, "jdbc"), event(aggregateId, 3, "jdbc"));

        assertThat(upgradedJdbc.queryForList(
                        "select global_index from domain_event_entry order by global_index", Long.class))
                .containsExactly(blockTop - 49, blockTop, blockTop + 1, blockTop + 2);
        assertThat(upgradedEngine.readEvents(aggregateId).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void appendsTheEventsOfOneUnitOfWorkAsOneRewrittenBatch() {
        RecordingDataSource recording = new RecordingDataSource(dataSource);
        JdbcEventStorageEngine instance = EventStoreConfiguration.jdbcEventStorageEngine(
                recording,
                new DataSourceTransactionManager(recording),
                eventSerializer,
                eventSerializer,
                NoOpEventUpcaster.INSTANCE,
                SnapshotFilter.allowAll());
        String aggregateId = newAggregateId("batch");

        instance.appendEvents(IntStream.range(0, 20)
                .mapToObj(n -> event(aggregateId, n, "one"))
                .toList());

        assertThat(recording.batches).singleElement().satisfies(counts -> assertThat(counts)
                .hasSize(20)
                // The driver reports no per-row counts for a batch it sent as one multi-row insert.
                .containsOnly(Statement.SUCCESS_NO_INFO));
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId))
                .isEqualTo(20);
    }

    @Test
    void theServicesConnectionsRewriteBatchedInserts() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
                    .isTrue();
        }
    }

    private static long countEvents(JdbcTemplate jdbc, String eventId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where event_identifier = ?", Long.class, eventId);
    }

    private long countEventsOutsideTheTransaction(String eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select count(*) from domain_event_entry where event_identifier = ?")) {
            query.setString(1, eventId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long countInbox(String eventId) {
        return jdbc.queryForObject("select count(*) from inbox_message where event_id = ?", Long.class, eventId);
    }

    /** Inserts the row Hibernate inserted for Axon's DomainEventEntry of the event. */
    private DomainEventEntry insertAsTheJpaEngineDid(JdbcTemplate jdbc, DomainEventMessage<?> event, long globalIndex) {
        DomainEventEntry entity = new DomainEventEntry(event, eventSerializer);
        try {
            jdbc.update(
                    "insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    globalIndex,
                    entity.getEventIdentifier(),
                    entity.getAggregateIdentifier(),
                    entity.getSequenceNumber(),
                    entity.getType(),
                    rawTimestamp(entity),
                    entity.getPayload().getType().getName(),
                    entity.getPayload().getType().getRevision(),
                    entity.getPayload().getData(),
                    entity.getMetaData().getData());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return entity;
    }

    /** The time_stamp column as the JPA engine wrote it: the entity's field, mapped as is. */
    private static String rawTimestamp(DomainEventEntry entry) throws ReflectiveOperationException {
        Field field = AbstractEventEntry.class.getDeclaredField("timeStamp");
        field.setAccessible(true);
        String value = (String) field.get(entry);
        assertThat(DateTimeUtils.parseInstant(value)).isEqualTo(entry.getTimestamp());
        return value;
    }

    /** Records what each executeBatch returned on connections taken from it. */
    static final class RecordingDataSource extends DelegatingDataSource {

        final List<int[]> batches = new CopyOnWriteArrayList<>();

        RecordingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(method, connection, args);
                        return result instanceof PreparedStatement statement ? recording(statement) : result;
                    });
        }

        private PreparedStatement recording(PreparedStatement statement) {
            return (PreparedStatement) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        Object result = invoke(method, statement, args);
                        if (method.getName().equals("executeBatch")) {
                            batches.add((int[]) result);
                        }
                        return result;
                    });
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

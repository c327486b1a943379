package com.loyaltysuite.testsupport.aggregates;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * One event-sourced aggregate type run by Axon in memory as a service runs it (command gateway,
 * event-sourcing repository, Axon's snapshotter and event-count trigger), except that no cache keeps
 * it warm: every command loads it from the store. Snapshots are kept as a service keeps them:
 * serialized by Axon's Jackson serializer over the {@code ObjectMapper} Spring Boot builds (the
 * services set {@code axon.serializer.*=jackson} and customise no Jackson), and deserialized afresh on
 * every load. So a harness that snapshots often restores the aggregate from a snapshot at many points
 * of a history, and one that never snapshots replays every event.
 */
public final class AggregateHarness<T> {

    private static final AtomicReference<Serializer> SERVICE_SERIALIZER = new AtomicReference<>();

    private final Class<T> type;
    private final Configuration axon;
    private final SerializedSnapshots store;
    private final List<EventMessage<?>> published = new CopyOnWriteArrayList<>();

    private AggregateHarness(Class<T> type, int snapshotThreshold, Object... resources) {
        this.type = type;
        this.store = new SerializedSnapshots(serviceSerializer());
        AggregateConfigurer<T> aggregate = AggregateConfigurer.defaultConfiguration(type);
        if (snapshotThreshold > 0) {
            aggregate.configureSnapshotTrigger(
                    c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold));
        }
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serviceSerializer())
                .configureEmbeddedEventStore(c -> store)
                .configureAggregate(aggregate);
        for (Object resource : resources) {
            register(configurer, resource);
        }
        this.axon = configurer.start();
        axon.eventBus().subscribe(published::addAll);
    }

    /** Never snapshots: every load replays all events. */
    public static <T> AggregateHarness<T> replaying(Class<T> type, Object... resources) {
        return new AggregateHarness<>(type, 0, resources);
    }

    /** Snapshots every {@code events} events, so most loads start from a deserialized snapshot. */
    public static <T> AggregateHarness<T> snapshottingEvery(int events, Class<T> type, Object... resources) {
        return new AggregateHarness<>(type, events, resources);
    }

    /** Sends a command and returns the payloads of the events it applied. */
    public List<Object> send(Object command) {
        int before = published.size();
        axon.commandGateway().sendAndWait(command);
        return published.subList(before, published.size()).stream()
                .map(m -> (Object) m.getPayload())
                .toList();
    }

    /** Sends each command in turn (a failing one is tolerated, as a listener would dead-letter it). */
    public List<Object> sendAll(List<?> commands) {
        List<Object> events = new ArrayList<>();
        for (Object command : commands) {
            try {
                events.addAll(send(command));
            } catch (RuntimeException rejected) {
                events.add(rejected.getClass().getSimpleName());
            }
        }
        return events;
    }

    /** The aggregate as the repository loads it: from its latest snapshot, if any, and the events after it. */
    public T load(String aggregateId) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("load " + aggregateId));
        try {
            return axon.repository(type).load(aggregateId).invoke(Function.identity());
        } finally {
            unitOfWork.rollback();
        }
    }

    public int snapshotsTaken() {
        return store.taken.get();
    }

    /** A fresh aggregate with {@code events} applied by its event-sourcing handlers: a full replay. */
    public static <A> A replay(Class<A> type, List<? extends DomainEventMessage<?>> events) {
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type);
        DomainEventMessage<?> first = events.get(0);
        A root = new GenericAggregateFactory<>(model).createAggregateRoot(first.getAggregateIdentifier(), first);
        EventSourcedAggregate<A> aggregate =
                EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events.stream()));
        return aggregate.getAggregateRoot();
    }

    /** The serializer a service stores its snapshots with. */
    public static Serializer serviceSerializer() {
        return SERVICE_SERIALIZER.updateAndGet(s -> s != null ? s : buildServiceSerializer());
    }

    /** {@code aggregate} written as a snapshot and read back, as the event store would. */
    @SuppressWarnings("unchecked")
    public static <A> A roundTrip(A aggregate) {
        Serializer serializer = serviceSerializer();
        return (A) serializer.deserialize(serializer.serialize(aggregate, byte[].class));
    }

    /** The snapshot payload as stored, for reading. */
    public static String json(Object aggregate) {
        return new String(serviceSerializer().serialize(aggregate, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    /** As Axon's Spring Boot auto-configuration builds it for {@code axon.serializer.*=jackson}. */
    private static Serializer buildServiceSerializer() {
        AtomicReference<ObjectMapper> mapper = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> mapper.set(context.getBean(ObjectMapper.class)));
        return JacksonSerializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(AggregateHarness.class.getClassLoader()))
                .objectMapper(mapper.get())
                .build();
    }

    /** Under its class and superclasses, as a handler may ask for it ({@code Clock.fixed(...)} is a {@code Clock}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(Configurer configurer, Object resource) {
        for (Class<?> type = resource.getClass(); type != Object.class; type = type.getSuperclass()) {
            configurer.registerComponent((Class) type, c -> resource);
        }
    }

    /** Events in memory; snapshots as bytes, so each load gets a fresh instance, as from a database. */
    private static final class SerializedSnapshots extends InMemoryEventStorageEngine {

        private final Serializer serializer;
        private final Map<String, DomainEventMessage<SerializedObject<byte[]>>> snapshots = new ConcurrentHashMap<>();
        private final AtomicInteger taken = new AtomicInteger();

        SerializedSnapshots(Serializer serializer) {
            this.serializer = serializer;
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            snapshots.put(
                    snapshot.getAggregateIdentifier(),
                    new GenericDomainEventMessage<>(
                            snapshot.getType(),
                            snapshot.getAggregateIdentifier(),
                            snapshot.getSequenceNumber(),
                            serializer.serialize(snapshot.getPayload(), byte[].class)));
            taken.incrementAndGet();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.ofNullable(snapshots.get(aggregateIdentifier))
                    .map(s -> new GenericDomainEventMessage<>(
                            s.getType(),
                            s.getAggregateIdentifier(),
                            s.getSequenceNumber(),
                            serializer.deserialize(s.getPayload())));
        }
    }
}

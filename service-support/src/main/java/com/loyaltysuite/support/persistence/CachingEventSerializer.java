package com.loyaltysuite.support.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/**
 * The service's event serializer (Axon's, as {@code delegate}) with the objects it read from stored
 * bytes kept in a bounded cache of the most recently read, so that each event is deserialized once
 * per service rather than once per tracking processor: the outbox relay and every projection read
 * the same rows, and each used to parse the same payload and metadata again. (Axon's embedded event
 * store shares one message among processors that tail its in-memory stream together, but a processor
 * whose token is not exactly one of that stream's, or that is behind it, reads the store on its own.)
 *
 * <p>Only what is read from bytes is cached, keyed by the serialized type (name and revision) and the
 * bytes' content: equal bytes of the same type always read as equal objects, so a processor that
 * reads a row later, or replays it, gets what it would have parsed itself. Nothing is cached on
 * serialize: the object an event was appended with is not necessarily what reading its bytes gives.
 * Data that is not {@code byte[]} (the {@code JsonNode} of an upcaster that changed the payload) goes
 * to the delegate every time.
 *
 * <p>A cached object is shared by every reader, so it is cached only if nothing reachable from it can
 * be changed ({@link ImmutableValues}, decided on the deserialized instance). The events the
 * services' aggregates apply are records, but not all are immutable: several points events keep the
 * {@code List<LotDraw>} Jackson made (an {@code ArrayList}), where others copy their lists with
 * {@code List.copyOf}. A type found mutable once is not looked up again: it is read as before, by
 * each processor, and counted ({@code loyalty.events.deserialized.uncached}). Metadata is cached when
 * its values are plain values (Axon's correlation and trace ids are strings).
 *
 * <p>The cache keeps the {@code loyalty.axon.deserialized-cache.max-size} payloads and metadata first
 * read most recently, oldest out first: processors read the store in order, each somewhat behind the others,
 * so an event is wanted again soon after its first read or not at all. (Caffeine's frequency-based
 * admission is wrong for this scan: in a simulation of seven processors up to 4,000 events apart, a
 * Caffeine cache of 5,000 served 17 % of reads and one of 20,000 served 47 %, where this one serves
 * the 86 % that are not first reads.) The key holds the array the event store read the row into;
 * neither Axon nor this class writes to it afterwards.
 */
public final class CachingEventSerializer implements Serializer {

    static final String METER_PREFIX = "loyalty.events.deserialized.";

    private final Serializer delegate;
    private final RecentlyRead recentlyRead;
    private final Set<String> mutableTypes = ConcurrentHashMap.newKeySet();
    private final Counter uncached;

    /** @param maximumSize events (and metadata) kept at most; 0 keeps none */
    public CachingEventSerializer(Serializer delegate, int maximumSize, MeterRegistry meters) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recentlyRead = new RecentlyRead(maximumSize);
        RecentlyRead cache = recentlyRead;
        Gauge.builder(METER_PREFIX + "cache.size", cache, RecentlyRead::size)
                .description("Deserialized events and metadata held for the service's other processors")
                .register(meters);
        Gauge.builder(METER_PREFIX + "cache.hit.ratio", cache, RecentlyRead::hitRatio)
                .description("Share of stored events and metadata read from the cache since start")
                .register(meters);
        FunctionCounter.builder(METER_PREFIX + "cache.gets", cache.hits, LongAdder::sum)
                .description("Reads of stored events and metadata that looked in the cache, by result")
                .tag("result", "hit")
                .register(meters);
        FunctionCounter.builder(METER_PREFIX + "cache.gets", cache.misses, LongAdder::sum)
                .description("Reads of stored events and metadata that looked in the cache, by result")
                .tag("result", "miss")
                .register(meters);
        FunctionCounter.builder(METER_PREFIX + "cache.evictions", cache.evictions, LongAdder::sum)
                .description("Deserialized events dropped to keep the cache within its size")
                .register(meters);
        this.uncached = Counter.builder(METER_PREFIX + "uncached")
                .description("Reads of stored events and metadata of a type that can hold mutable values, never cached")
                .register(meters);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType type = serializedObject.getType();
        if (!(serializedObject.getData() instanceof byte[] bytes)
                || SerializedType.emptyType().equals(type)) {
            return delegate.deserialize(serializedObject);
        }
        if (mutableTypes.contains(type.getName())) {
            uncached.increment();
            return delegate.deserialize(serializedObject);
        }
        StoredBytes key = new StoredBytes(type.getName(), type.getRevision(), bytes);
        Object cached = recentlyRead.get(key);
        if (cached != null) {
            return (T) cached;
        }
        T value = delegate.deserialize(serializedObject);
        if (value == null) {
            return null;
        }
        if (!ImmutableValues.isImmutable(value)) {
            mutableTypes.add(type.getName());
            uncached.increment();
            return value;
        }
        // Another processor may have read the same row meanwhile: all readers share its object.
        return (T) recentlyRead.putIfAbsent(key, value);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    Serializer delegate() {
        return delegate;
    }

    int cachedCount() {
        return recentlyRead.size();
    }

    /**
     * At most {@code maximumSize} values, the oldest inserted out first. Reads take no lock; inserts
     * (one per event, on its first read) take this object's.
     */
    private static final class RecentlyRead {

        private final ConcurrentHashMap<StoredBytes, Object> values;
        private final StoredBytes[] insertionOrder;
        private int next;
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder evictions = new LongAdder();

        RecentlyRead(int maximumSize) {
            if (maximumSize < 0) {
                throw new IllegalArgumentException("maximum size must not be negative: " + maximumSize);
            }
            this.values = new ConcurrentHashMap<>(Math.max(16, maximumSize * 4 / 3 + 1));
            this.insertionOrder = new StoredBytes[maximumSize];
        }

        Object get(StoredBytes key) {
            Object value = values.get(key);
            (value == null ? misses : hits).increment();
            return value;
        }

        /** The value now cached under this key (the one given, unless another was first), or the one given if none is kept. */
        synchronized Object putIfAbsent(StoredBytes key, Object value) {
            if (insertionOrder.length == 0) {
                return value;
            }
            Object first = values.putIfAbsent(key, value);
            if (first != null) {
                return first;
            }
            StoredBytes oldest = insertionOrder[next];
            if (oldest != null) {
                values.remove(oldest);
                evictions.increment();
            }
            insertionOrder[next] = key;
            next = (next + 1) % insertionOrder.length;
            return value;
        }

        int size() {
            return values.size();
        }

        double hitRatio() {
            long hit = hits.sum();
            long total = hit + misses.sum();
            return total == 0 ? Double.NaN : (double) hit / total;
        }
    }

    /** A serialized type and the content of its bytes; the hash is computed once. */
    static final class StoredBytes {

        private final String typeName;
        private final String revision;
        private final byte[] bytes;
        private final int hash;

        StoredBytes(String typeName, String revision, byte[] bytes) {
            this.typeName = typeName;
            this.revision = revision;
            this.bytes = bytes;
            this.hash = 31 * (31 * typeName.hashCode() + Objects.hashCode(revision)) + Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredBytes that
                    && hash == that.hash
                    && typeName.equals(that.typeName)
                    && Objects.equals(revision, that.revision)
                    && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

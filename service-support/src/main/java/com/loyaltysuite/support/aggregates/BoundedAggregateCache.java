package com.loyaltysuite.support.aggregates;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's {@link Cache} over a size-bounded Caffeine cache, holding the live aggregates of one type
 * (Axon's {@code CachingEventSourcingRepository} keys them by aggregate identifier).
 *
 * <p>The cache only ever holds <em>committed</em> state. Axon writes an aggregate into its cache when
 * its unit of work prepares to commit, and removes it again if that unit of work rolls back. But a unit
 * of work may join a database transaction that it does not own (an inbox transaction, a timer's
 * transaction), and that transaction may still roll back after the unit of work is done; and Axon
 * releases its per-aggregate lock before that outer commit. So while a Spring transaction is active, a
 * write here removes the entry at once and stores the aggregate only after that transaction has
 * committed. Until then another command on the same aggregate loads it from the event store; and if
 * the transaction rolls back, the cache never sees its state.
 *
 * <p>What the cache holds may still be stale when another instance of the service wrote to the same
 * aggregate. That fails safely: the next command appends at a sequence number that exists already,
 * the event store's unique key on (aggregate id, sequence number) refuses it, the unit of work rolls
 * back and Axon evicts the entry, and the retry loads the aggregate from the event store.
 */
final class BoundedAggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    BoundedAggregateCache(long maximumSize) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .recordStats()
                // Housekeeping and listeners on the caller's thread: no pool threads of our own.
                .executor(Runnable::run)
                .removalListener(this::removed)
                .build();
    }

    com.github.benmanes.caffeine.cache.Cache<Object, Object> entries() {
        return entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.invalidate(key);
            pendingWrites().put(key, value);
        } else {
            store(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean absent = entries.asMap().putIfAbsent(key, value) == null;
        if (absent) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return absent;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> {
            T value = valueSupplier.get();
            if (value == null) {
                throw new IllegalArgumentException("Value Supplier of Cache produced a null value for key [" + key + "]!");
            }
            return value;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public boolean remove(Object key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingWrites().remove(key);
        }
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void store(Object key, Object value) {
        boolean created = entries.asMap().put(key, value) == null;
        listeners.forEach(l -> {
            if (created) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    private void removed(Object key, Object value, RemovalCause cause) {
        if (cause == RemovalCause.REPLACED) {
            return;
        }
        listeners.forEach(l -> {
            if (cause == RemovalCause.EXPIRED) {
                l.onEntryExpired(key);
            }
            l.onEntryRemoved(key);
        });
    }

    /** The writes of the current transaction, applied once it has committed (the latest per key). */
    private Map<Object, Object> pendingWrites() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof WritesAfterCommit writes && writes.cache() == this) {
                return writes.values();
            }
        }
        WritesAfterCommit writes = new WritesAfterCommit(this, new LinkedHashMap<>());
        TransactionSynchronizationManager.registerSynchronization(writes);
        return writes.values();
    }

    /** Compared by identity: Spring keeps synchronizations in a set, and the values change. */
    private static final class WritesAfterCommit implements TransactionSynchronization {

        private final BoundedAggregateCache cache;
        private final Map<Object, Object> values;

        WritesAfterCommit(BoundedAggregateCache cache, Map<Object, Object> values) {
            this.cache = cache;
            this.values = values;
        }

        BoundedAggregateCache cache() {
            return cache;
        }

        Map<Object, Object> values() {
            return values;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                values.forEach(cache::store);
            }
        }
    }
}

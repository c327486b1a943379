package com.loyaltysuite.support.aggregates;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;

/**
 * Makes the bounded cache of one aggregate type, to be named in its {@code @Aggregate(cache = ...)},
 * with meters {@code loyalty.<service>.aggregates.cache.*} tagged by aggregate type. Each type has a
 * cache of its own: Axon keys a cache by aggregate identifier only, and two types may share one.
 */
public class AggregateCaches {

    private final long maximumSize;
    private final MeterRegistry meters;
    private final String meterPrefix;

    public AggregateCaches(long maximumSize, MeterRegistry meters) {
        this.maximumSize = maximumSize;
        this.meters = meters;
        this.meterPrefix = "loyalty.aggregates.cache.";
    }

    public Cache create(Class<?> aggregateType) {
        BoundedAggregateCache cache = new BoundedAggregateCache(maximumSize);
        var entries = cache.entries();
        String type = aggregateType.getSimpleName();
        Gauge.builder(meterPrefix + "size", entries, c -> c.estimatedSize())
                .description("Aggregates held warm in memory")
                .tag("aggregate", type)
                .register(meters);
        Gauge.builder(meterPrefix + "hit.ratio", entries, c -> c.stats().hitRate())
                .description("Share of aggregate loads served from memory since start")
                .tag("aggregate", type)
                .register(meters);
        FunctionCounter.builder(meterPrefix + "gets", entries, c -> c.stats().hitCount())
                .description("Aggregate loads that looked in the cache, by result")
                .tag("aggregate", type)
                .tag("result", "hit")
                .register(meters);
        FunctionCounter.builder(meterPrefix + "gets", entries, c -> c.stats().missCount())
                .description("Aggregate loads that looked in the cache, by result")
                .tag("aggregate", type)
                .tag("result", "miss")
                .register(meters);
        FunctionCounter.builder(meterPrefix + "evictions", entries, c -> c.stats().evictionCount())
                .description("Aggregates dropped to keep the cache within its size")
                .tag("aggregate", type)
                .register(meters);
        return cache;
    }

    long maximumSize() {
        return maximumSize;
    }

    static CacheStats stats(Cache cache) {
        return ((BoundedAggregateCache) cache).entries().stats();
    }
}

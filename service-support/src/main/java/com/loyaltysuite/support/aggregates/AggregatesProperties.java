package com.loyaltysuite.support.aggregates;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How aggregates are kept warm.
 *
 * @param aggregateCache {@code loyalty.axon.aggregate-cache.*}
 * @param snapshotThreshold {@code loyalty.axon.snapshot-threshold}: a snapshot every this many events
 *     of an aggregate
 */
@ConfigurationProperties("loyalty.axon")
public record AggregatesProperties(@DefaultValue AggregateCache aggregateCache, @DefaultValue("50") int snapshotThreshold) {

    /**
     * @param maxSize at most this many aggregates of each type stay in memory, least recently used first out
     */
    public record AggregateCache(@DefaultValue("10000") long maxSize) {}
}

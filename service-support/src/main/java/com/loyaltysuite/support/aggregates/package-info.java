/**
 * Event-sourced aggregates kept warm: a bounded cache per aggregate type and a snapshot every N events.
 *
 * <h2>Cache</h2>
 * {@link com.loyaltysuite.support.aggregates.AggregateCaches} makes one Caffeine cache per aggregate
 * type behind Axon's {@code Cache} interface (a small adapter rather than Caffeine's JCache provider
 * behind Axon's {@code JCacheAdapter}: JCache stores by value unless told otherwise, needs two more
 * libraries and a provider configuration to set a size, and the adapter must be transaction-aware
 * anyway). An aggregate names its cache bean in {@code @Aggregate(cache = ...)}; Axon then uses a
 * {@code CachingEventSourcingRepository}, which keeps the live aggregate object (with its snapshot
 * trigger) in the cache.
 *
 * <p>What Axon 4.13 does on failure, read from its source: {@code CachingEventSourcingRepository}
 * registers {@code onRollback(u -> cache.remove(id))} on the unit of work when it loads an aggregate
 * ({@code validateOnLoad}), when it takes one from the cache ({@code doLoadWithLock}) and when it
 * writes one to the cache ({@code doSaveWithLock}, at prepare-commit). A nested unit of work that
 * committed registers {@code parent.onRollback(u -> changePhase(ROLLBACK))}
 * ({@code AbstractUnitOfWork.commitAsNested}), so when the root of a batch rolls back, the eviction
 * handlers of its committed nested units of work run too. Events are appended at the root's
 * prepare-commit; a stale cached aggregate appends at a sequence number another instance used
 * already, the unique key {@code (aggregate_identifier, sequence_number)} refuses it, the root rolls
 * back and the entry is evicted; the retry loads the aggregate from the event store.
 *
 * <p>What Axon does not cover, and the cache does ({@code BoundedAggregateCache}): a unit of work
 * that joins a Spring transaction it does not own (an inbox or timer transaction) commits, and Axon
 * releases the aggregate's lock, before that transaction commits. Written straight into the cache,
 * the aggregate would then be visible to the next command with uncommitted state, and kept with state
 * the database never got if the transaction rolls back (a redelivered order would then earn nothing).
 * So inside a Spring transaction a write evicts the entry and is applied after commit only.
 *
 * <h2>Snapshots</h2>
 * {@code aggregateSnapshotTrigger} snapshots an aggregate every {@code loyalty.axon.snapshot-threshold}
 * events (counted across commands while it stays cached). Axon's Spring snapshotter is replaced by one
 * that runs on the calling thread (no threads of its own) after the surrounding transaction has ended,
 * in a transaction of its own ({@code AfterTransactionExecutor}): a snapshot then reads committed events
 * only, and one that fails is logged and never rolls back the command. With N = 50 a snapshot costs one
 * read of fewer than 50 events and one row write per 50 events of an aggregate.
 *
 * <p>A snapshot is the aggregate's fields as JSON (the general Jackson serializer; each state class
 * is annotated for field access, since Spring's {@code ObjectMapper} only sees getters). The aggregate
 * carries an {@code @Revision}; Axon's aggregate configuration turns it into a
 * {@code RevisionSnapshotFilter}, which the event storage engine applies, so a snapshot of another
 * revision is ignored and the aggregate is replayed from its events. An event storage engine configured
 * by hand must keep {@code .snapshotFilter(configuration.snapshotFilter())}. Each aggregate's snapshot
 * test pins its fields to its revision.
 */
package com.loyaltysuite.support.aggregates;

package com.loyaltysuite.support.aggregates;

import java.util.concurrent.Executor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the snapshotter's work on the calling thread (no threads of its own on a two-core budget), but
 * only once the database transaction around the command has ended.
 *
 * <p>Axon schedules a snapshot after its unit of work commits. When that unit of work joined a
 * transaction it does not own, the events are not committed yet at that point, and Axon still counts
 * them as "staged" in the unit of work: a snapshot taken there (and stored in a transaction of its own)
 * could describe events that are then rolled back. Taken after the transaction has completed, the
 * snapshot is read from committed events only. It also runs when the transaction rolled back (it then
 * snapshots the committed state), because Axon marks a snapshot as in progress until its task has run.
 */
final class AfterTransactionExecutor implements Executor {

    @Override
    public void execute(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    task.run();
                }
            });
        } else {
            task.run();
        }
    }
}

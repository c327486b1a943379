package com.loyaltysuite.support.aggregates;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
 *
 * <p>The task runs with no unit of work current. It belongs to none, and when the transaction ended
 * inside a batch's root unit of work, that unit of work still holds every event of the batch: Axon
 * adds the events staged there to each stream it reads, comparing each with all before it, so a
 * snapshot in a batch of a few hundred orders went quadratic (8 % of the suite's CPU at 300 orders/s).
 */
final class AfterTransactionExecutor implements Executor {

    @Override
    public void execute(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    runOutsideUnitsOfWork(task);
                }
            });
        } else {
            runOutsideUnitsOfWork(task);
        }
    }

    /** Runs the task with the thread's units of work set aside, and puts them back as they were. */
    static void runOutsideUnitsOfWork(Runnable task) {
        Deque<UnitOfWork<?>> setAside = new ArrayDeque<>();
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> current = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(current);
            setAside.push(current);
        }
        try {
            task.run();
        } finally {
            while (!setAside.isEmpty()) {
                CurrentUnitOfWork.set(setAside.pop());
            }
        }
    }
}

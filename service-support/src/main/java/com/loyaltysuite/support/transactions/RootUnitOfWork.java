package com.loyaltysuite.support.transactions;

import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Runs work in one Axon root unit of work that owns the database transaction. Commands sent inside
 * it nest in it: their events are appended together when it commits, an aggregate is loaded once
 * however many commands reach it, and every JDBC write joins the same transaction. Because the unit
 * of work, not an outer Spring transaction, commits, Axon's after-commit hooks (which wake the
 * tracking processors) run after the real commit, so a processor never finds nothing and sleeps.
 */
public class RootUnitOfWork {

    private final TransactionManager transactions;

    public RootUnitOfWork(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} and commits; on any failure rolls everything back and rethrows. Joins a unit
     * of work already running on this thread instead of starting one.
     *
     * @param what names the work in the unit of work's message, for diagnostics
     */
    public <T> T execute(String what, Supplier<T> work) {
        if (CurrentUnitOfWork.isStarted()) {
            return work.get();
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>(what));
        try {
            unitOfWork.attachTransaction(transactions);
            T result = work.get();
            unitOfWork.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    public void run(String what, Runnable work) {
        execute(what, () -> {
            work.run();
            return null;
        });
    }
}

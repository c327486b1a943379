package com.loyaltysuite.support.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class AfterTransactionExecutorTest {

    private final AfterTransactionExecutor executor = new AfterTransactionExecutor();

    @AfterEach
    void endEverything() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void waitsForTheTransactionAndThenRunsOutsideTheUnitsOfWorkWhichStayAsTheyWere() {
        TransactionSynchronizationManager.initSynchronization();
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        List<Boolean> sawAUnitOfWork = new ArrayList<>();

        executor.execute(() -> sawAUnitOfWork.add(CurrentUnitOfWork.isStarted()));
        assertThat(sawAUnitOfWork).as("not before the transaction ends").isEmpty();
        completeTransaction();

        assertThat(sawAUnitOfWork).containsExactly(false);
        assertThat(CurrentUnitOfWork.get()).isSameAs(nested);
        nested.commit();
        assertThat(CurrentUnitOfWork.get()).isSameAs(root);
    }

    @Test
    void aFailingTaskStillLeavesTheUnitsOfWorkAsTheyWere() {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);

        assertThatThrownBy(() -> executor.execute(() -> {
                    throw new IllegalStateException("snapshot failed");
                }))
                .hasMessage("snapshot failed");

        assertThat(CurrentUnitOfWork.get()).isSameAs(root);
    }

    private static void completeTransaction() {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_COMMITTED);
    }
}

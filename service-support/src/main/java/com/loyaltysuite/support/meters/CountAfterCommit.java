package com.loyaltysuite.support.meters;

import io.micrometer.core.instrument.Counter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Counts a business fact once it is committed. The business meters are subscribing event handlers:
 * they see each event as it is stored, never on a replay or rebuild, but inside the unit of work that
 * stores it, which a failing batch rolls back. Counting after the root unit of work commits means a
 * rolled-back batch counts nothing and its retry counts once.
 */
public final class CountAfterCommit {

    private CountAfterCommit() {}

    public static void increment(Counter counter, double amount) {
        if (amount <= 0) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> counter.increment(amount));
        } else {
            counter.increment(amount);
        }
    }

    public static void increment(Counter counter) {
        increment(counter, 1);
    }
}

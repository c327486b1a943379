package com.loyaltysuite.support.timers;

/**
 * Reacts to one kind of due date, typically by sending a command to the member's aggregate. Runs in
 * the transaction that marks the timer fired, so its effects and the firing commit together. It
 * must be idempotent (the aggregate decides whether the due date still matters); throwing leaves the
 * timer pending, to be retried with back-off.
 */
@Deprecated(forRemoval = true)
public interface DueTimerHandler {

    String kind();

    void fire(DueTimer timer);
}

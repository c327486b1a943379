package com.loyaltysuite.support.timers;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * What a due timer of one kind does, typically a command to the member's aggregate with the due date
 * as its business time. Runs in the transaction that marks the timer fired, so its effects and the
 * firing commit together. It must be idempotent (the aggregate decides whether the date still
 * matters); throwing leaves the timer pending, to be retried with back-off.
 */
@FunctionalInterface
public interface TimerHandler<P> {

    void fire(MemberId member, Instant dueAt, P payload);
}

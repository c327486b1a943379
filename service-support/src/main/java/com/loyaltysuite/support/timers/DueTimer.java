package com.loyaltysuite.support.timers;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** A due date that has come: {@code kind} selects the handler, {@code key} identifies the timer. */
@Deprecated(forRemoval = true)
public record DueTimer(String kind, String key, MemberId memberId, Instant dueAt, String payload, int attempts) {}

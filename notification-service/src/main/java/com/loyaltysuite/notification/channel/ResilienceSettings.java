package com.loyaltysuite.notification.channel;

import java.time.Duration;

/**
 * How one provider is guarded. Defaults in brackets.
 *
 * @param timeout how long one call may take before it counts as a transient failure [10 s]
 * @param ratePerSecond the provider's quota: calls started per second [SMS 100, email 50]
 * @param concurrency calls in flight at once (the bulkhead: its own threads, so a hanging provider
 *     holds only these) [4]
 * @param breakerWindow the calls the circuit breaker judges the failure rate over [20]
 * @param breakerMinimumCalls calls needed before it judges [10]
 * @param failureRate percentage of failed calls that opens it [50]
 * @param openFor how long it stays open before it lets trial calls through [30 s]
 * @param retryFirst wait before the first retry of a message; doubled each try, with jitter [5 s]
 * @param retryMax the longest wait between tries [5 min]
 * @param giveUpAfter a message still failing transiently this long after it was decided fails for
 *     good [P2D]
 */
public record ResilienceSettings(
        Duration timeout,
        Integer ratePerSecond,
        Integer concurrency,
        Integer breakerWindow,
        Integer breakerMinimumCalls,
        Float failureRate,
        Duration openFor,
        Duration retryFirst,
        Duration retryMax,
        Duration giveUpAfter) {

    public ResilienceSettings {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        ratePerSecond = ratePerSecond == null ? 100 : ratePerSecond;
        concurrency = concurrency == null ? 4 : concurrency;
        breakerWindow = breakerWindow == null ? 20 : breakerWindow;
        breakerMinimumCalls = breakerMinimumCalls == null ? 10 : breakerMinimumCalls;
        failureRate = failureRate == null ? 50f : failureRate;
        openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        retryFirst = retryFirst == null ? Duration.ofSeconds(5) : retryFirst;
        retryMax = retryMax == null ? Duration.ofMinutes(5) : retryMax;
        giveUpAfter = giveUpAfter == null ? Duration.ofDays(2) : giveUpAfter;
    }

    public static ResilienceSettings defaults() {
        return new ResilienceSettings(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The wait before try {@code attempt + 1}: {@code retryFirst · 2^(attempt-1)}, at most
     * {@code retryMax}, then a random half to whole of it (jitter), so messages that failed together
     * do not all come back together.
     */
    public Duration backoff(int attempt, double random) {
        long first = retryFirst.toMillis();
        long max = retryMax.toMillis();
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long wait = first >= max >> doublings ? max : Math.min(max, first << doublings);
        return Duration.ofMillis((long) (wait * (0.5 + 0.5 * random)));
    }
}

package com.loyaltysuite.member.overview;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the member 360 view finds the other services, and how long and how often it waits for them.
 *
 * @param sources part name → URL template of that part, with {@code {memberId}} in it
 * @param timeout how long one part may take before the view is answered without it
 * @param concurrentCallsPerSource calls to one service in flight at once (the bulkhead); more are refused
 * @param breakerFailureRate percentage of failed calls, over the last {@code breakerWindow}, that opens the breaker
 * @param breakerOpenFor how long an open breaker skips the service before it lets a trial call through
 */
@ConfigurationProperties("loyalty.overview")
public record OverviewSettings(
        @DefaultValue Map<String, String> sources,
        @DefaultValue("800ms") Duration timeout,
        @DefaultValue("8") int concurrentCallsPerSource,
        @DefaultValue("50") float breakerFailureRate,
        @DefaultValue("10") int breakerWindow,
        @DefaultValue("30s") Duration breakerOpenFor) {}

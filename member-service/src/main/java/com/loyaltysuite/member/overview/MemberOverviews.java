package com.loyaltysuite.member.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.member.directory.FindMember;
import com.loyaltysuite.member.directory.MemberView;
import com.loyaltysuite.member.overview.OverviewPart.Missing;
import com.loyaltysuite.member.profile.MemberNotFoundException;
import com.loyaltysuite.member.segments.FindMemberSegment;
import com.loyaltysuite.member.segments.MemberSegmentView;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedThreadPoolBulkheadMetrics;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Composes the member 360 view: the profile from this service, and each configured part from its own
 * service, all asked at once. The view waits at most the time limit; a part that did not arrive is
 * marked with the reason, and the rest is answered.
 */
@Component
@EnableConfigurationProperties(OverviewSettings.class)
public class MemberOverviews implements DisposableBean {

    private final QueryGateway queries;
    private final List<RemotePart> parts;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ThreadPoolBulkheadRegistry bulkheads;
    private final ObjectMapper json;
    private final Duration timeout;

    MemberOverviews(QueryGateway queries, OverviewSettings settings, ObjectMapper json, MeterRegistry meters) {
        this.queries = queries;
        this.json = json;
        this.timeout = settings.timeout();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(Math.min(5, settings.breakerWindow()))
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        // No queue: a pool grows past its core size only once its queue is full, so with one the calls
        // past the first would wait in line behind it. Each call gets a thread up to the limit, then BUSY.
        this.bulkheads = ThreadPoolBulkheadRegistry.of(ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(1)
                .maxThreadPoolSize(settings.concurrentCallsPerSource())
                .queueCapacity(0)
                .keepAliveDuration(Duration.ofSeconds(30))
                .build());
        // The time limit covers the whole call, connecting included.
        TimeLimiter timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build());
        this.parts = settings.sources().entrySet().stream()
                .map(source -> new RemotePart(
                        source.getKey(),
                        source.getValue(),
                        settings.timeout(),
                        http,
                        json,
                        breakers.circuitBreaker("overview-" + source.getKey()),
                        bulkheads.bulkhead("overview-" + source.getKey()),
                        timeLimiter,
                        timer))
                .toList();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedThreadPoolBulkheadMetrics.ofThreadPoolBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /** The view of one member, as {@code bearerToken}'s holder may see it; 404 if no such member is registered here. */
    public MemberOverview of(MemberId member, String bearerToken) {
        Map<String, CompletableFuture<OverviewPart>> asked = new LinkedHashMap<>();
        asked.put("segment", segmentOf(member));
        parts.forEach(part -> asked.put(part.name(), part.fetch(member, bearerToken)));
        MemberView profile = queries.query(new FindMember(member), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join()
                .orElseThrow(() -> new MemberNotFoundException(member));
        Map<String, OverviewPart> answered = new LinkedHashMap<>();
        asked.forEach((name, part) -> answered.put(name, part.join()));
        boolean complete = answered.values().stream().allMatch(OverviewPart::available);
        return new MemberOverview(member, complete, profile, answered);
    }

    /** The RFM segment is kept here: a local query, within the same time limit as the others. */
    private CompletableFuture<OverviewPart> segmentOf(MemberId member) {
        return queries.query(new FindMemberSegment(member), ResponseTypes.optionalInstanceOf(MemberSegmentView.class))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(found -> found.map(view -> OverviewPart.arrived(json.valueToTree(view)))
                        .orElseGet(() -> OverviewPart.missing(Missing.NOT_FOUND, "no paid order scored for this member yet")))
                .exceptionally(failure -> OverviewPart.missing(
                        Missing.UNAVAILABLE, "the segment could not be read (" + failure.getClass().getSimpleName() + ")"));
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        bulkheads.getAllBulkheads().forEach(bulkhead -> {
            try {
                bulkhead.close();
            } catch (Exception e) {
                // closing a thread pool does not fail in a way worth reporting at shutdown
            }
        });
    }
}

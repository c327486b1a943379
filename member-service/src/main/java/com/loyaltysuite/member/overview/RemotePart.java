package com.loyaltysuite.member.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.member.overview.OverviewPart.Missing;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * One other service's part of the view, fetched over HTTP with the caller's own token, so the other
 * service decides what this caller may see. The call runs in the service's bulkhead, under the view's
 * time limit and behind its circuit breaker; whatever goes wrong becomes a {@link OverviewPart#missing}.
 */
final class RemotePart {

    private final String name;
    private final String urlTemplate;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json;
    private final CircuitBreaker breaker;
    private final ThreadPoolBulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final ScheduledExecutorService timer;

    RemotePart(
            String name,
            String urlTemplate,
            Duration timeout,
            HttpClient http,
            ObjectMapper json,
            CircuitBreaker breaker,
            ThreadPoolBulkhead bulkhead,
            TimeLimiter timeLimiter,
            ScheduledExecutorService timer) {
        this.name = name;
        this.urlTemplate = urlTemplate;
        this.timeout = timeout;
        this.http = http;
        this.json = json;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.timeLimiter = timeLimiter;
        this.timer = timer;
    }

    String name() {
        return name;
    }

    CompletableFuture<OverviewPart> fetch(MemberId member, String bearerToken) {
        try {
            return Decorators.ofSupplier(() -> get(member, bearerToken))
                    .withThreadPoolBulkhead(bulkhead)
                    .withTimeLimiter(timeLimiter, timer)
                    .withCircuitBreaker(breaker)
                    .get()
                    .toCompletableFuture()
                    .exceptionally(this::whyMissing);
        } catch (RuntimeException refusedAtOnce) {
            return CompletableFuture.completedFuture(whyMissing(refusedAtOnce));
        }
    }

    /** Runs in the bulkhead. 404 and 4xx are answers, not failures: only a server error or no answer counts against the breaker. */
    private OverviewPart get(MemberId member, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urlTemplate.replace(
                        "{memberId}", URLEncoder.encode(member.value(), StandardCharsets.UTF_8))))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            // the time limit cancelled the call; the bulkhead's worker thread simply takes the next one
            throw new CompletionException(e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return OverviewPart.missing(Missing.NOT_FOUND, name + " has nothing recorded for this member");
        }
        if (status == 401 || status == 403) {
            return OverviewPart.missing(Missing.REFUSED, name + " refused this caller (" + status + ")");
        }
        if (status >= 300) {
            throw new ServerError(name + " answered " + status);
        }
        try {
            return OverviewPart.arrived(json.readTree(response.body()));
        } catch (IOException e) {
            throw new ServerError(name + " answered with a body that is not JSON");
        }
    }

    private OverviewPart whyMissing(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // The HTTP client's own timeout equals the time limit, so either may fire first: both mean no answer in time.
        if (cause instanceof TimeoutException
                || (cause instanceof UncheckedIOException io && io.getCause() instanceof HttpTimeoutException)) {
            return OverviewPart.missing(Missing.TIMEOUT, name + " did not answer within " + timeout.toMillis() + " ms");
        }
        if (cause instanceof CallNotPermittedException) {
            return OverviewPart.missing(Missing.CIRCUIT_OPEN, name + " failed repeatedly; not called until it recovers");
        }
        if (cause instanceof BulkheadFullException) {
            return OverviewPart.missing(Missing.BUSY, "too many calls to " + name + " in flight");
        }
        if (cause instanceof ServerError) {
            return OverviewPart.missing(Missing.UNAVAILABLE, cause.getMessage());
        }
        Throwable root = cause instanceof UncheckedIOException ? cause.getCause() : cause;
        return OverviewPart.missing(
                Missing.UNAVAILABLE,
                name + " could not be reached (" + root.getClass().getSimpleName() + ")");
    }

    /** A server error from the other service: counted by the breaker. */
    static final class ServerError extends RuntimeException {
        ServerError(String message) {
            super(message, null, false, false);
        }
    }
}

package com.loyaltysuite.notification.channel;

import com.loyaltysuite.events.Channel;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * A provider behind resilience4j, each part named after the channel ({@code sms}, {@code email}):
 * a rate limiter at the provider's quota, a circuit breaker that counts transient failures (and
 * timeouts) but not messages the provider refused, a time limit on each call, and a thread-pool
 * bulkhead, so a provider that hangs holds its own few threads and nothing else. Never throws: every
 * failure comes back as {@link SendResult.Unavailable}.
 */
public class ResilientProvider {

    private final Provider provider;
    private final CircuitBreaker breaker;
    private final RateLimiter rateLimiter;
    private final ThreadPoolBulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final ScheduledExecutorService timer;
    private final ResilienceSettings settings;

    public ResilientProvider(
            Provider provider,
            ResilienceSettings settings,
            CircuitBreakerRegistry breakers,
            RateLimiterRegistry rateLimiters,
            ThreadPoolBulkheadRegistry bulkheads,
            ScheduledExecutorService timer) {
        this.provider = provider;
        this.settings = settings;
        this.timer = timer;
        String name = provider.channel().name().toLowerCase(Locale.ROOT);
        this.breaker = breakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .failureRateThreshold(settings.failureRate())
                .waitDurationInOpenState(settings.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(ResilientProvider::transient_)
                .build());
        this.rateLimiter = rateLimiters.rateLimiter(name, RateLimiterConfig.custom()
                .limitForPeriod(settings.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                // Over the quota a claimed message waits its turn (the dispatcher claims no faster than
                // its workers send) rather than going back with a back-off that would hide its age.
                .timeoutDuration(settings.timeout())
                .build());
        this.bulkhead = bulkheads.bulkhead(name, ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(settings.concurrency())
                .maxThreadPoolSize(settings.concurrency())
                .queueCapacity(settings.concurrency())
                .build());
        this.timeLimiter = TimeLimiter.of(name, TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build());
    }

    /** Transient failures (and timeouts) count against the provider, wrapped or not; refusals do not. */
    private static boolean transient_(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderUnavailableException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    public Channel channel() {
        return provider.channel();
    }

    public ResilienceSettings settings() {
        return settings;
    }

    /** Open: nothing is claimed for this channel until it lets trial calls through. */
    public boolean open() {
        return breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    public SendResult send(OutgoingMessage message) {
        try {
            RateLimiter.waitForPermission(rateLimiter);
            return breaker.executeCompletionStage(() -> timeLimiter.executeCompletionStage(
                            timer, () -> bulkhead.executeSupplier(() -> provider.send(message))))
                    .toCompletableFuture()
                    .join();
        } catch (RequestNotPermitted e) {
            return new SendResult.Unavailable("over the provider's quota of " + settings.ratePerSecond() + "/s");
        } catch (CallNotPermittedException e) {
            return new SendResult.Unavailable("circuit breaker " + breaker.getName() + " is open");
        } catch (BulkheadFullException e) {
            return new SendResult.Unavailable("all " + settings.concurrency() + " calls to the provider are busy");
        } catch (CompletionException e) {
            return unavailable(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            return unavailable(e);
        }
    }

    private SendResult unavailable(Throwable failure) {
        if (failure instanceof CompletionException wrapped && wrapped.getCause() != null) {
            return unavailable(wrapped.getCause());
        }
        if (failure instanceof TimeoutException) {
            return new SendResult.Unavailable("no answer within " + settings.timeout());
        }
        if (failure instanceof CallNotPermittedException) {
            return new SendResult.Unavailable("circuit breaker " + breaker.getName() + " is open");
        }
        if (failure instanceof BulkheadFullException) {
            return new SendResult.Unavailable("all " + settings.concurrency() + " calls to the provider are busy");
        }
        return new SendResult.Unavailable(String.valueOf(failure.getMessage()));
    }
}

package com.loyaltysuite.support.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The rate limit of the {@link Expensive} endpoints (resilience4j): each caller (the token's subject)
 * gets {@code callsPerPeriod} of them per period on each instance, shared across those endpoints, so
 * one script gone wrong cannot starve the other operators.
 */
public class ExpensiveCalls implements HandlerInterceptor {

    private final RateLimiterRegistry limiters;
    private final Duration period;

    public ExpensiveCalls(int callsPerPeriod, Duration period) {
        this.period = period;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(callsPerPeriod)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && AnnotatedElementUtils.hasAnnotation(method.getMethod(), Expensive.class)) {
            acquire();
        }
        return true;
    }

    /** Takes one of the current caller's permits, or throws {@link RequestNotPermitted} (answered 429). */
    public void acquire() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        RateLimiter limiter = limiters.rateLimiter(caller == null ? "anonymous" : "caller:" + caller.getName());
        RateLimiter.waitForPermission(limiter);
    }

    /** Seconds until the next period: the {@code Retry-After} of a refused call. */
    public long secondsUntilNextPeriod() {
        return Math.max(1, period.toSeconds());
    }
}

package com.loyaltysuite.support.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** The one rate limiter every {@link Expensive} endpoint of an instance shares (resilience4j). */
public class ExpensiveCalls implements HandlerInterceptor {

    private final RateLimiter limiter;

    public ExpensiveCalls(int callsPerPeriod, Duration period) {
        this.limiter = RateLimiter.of(
                "expensive-calls",
                RateLimiterConfig.custom()
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

    /** Takes one permit, or throws {@link RequestNotPermitted} (answered 429) when none is left. */
    public void acquire() {
        RateLimiter.waitForPermission(limiter);
    }

    /** Seconds until the next period: the {@code Retry-After} of a refused call. */
    public long secondsUntilNextPeriod() {
        return Math.max(1, limiter.getRateLimiterConfig().getLimitRefreshPeriod().toSeconds());
    }
}

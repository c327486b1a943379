package com.loyaltysuite.support.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code loyalty.security.*}. The token issuer itself is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}), which has no
 * default: a service without one does not start.
 *
 * @param corsAllowedOrigins origins a browser may call the API from; empty (the default) sends no
 *     CORS headers at all, so browsers refuse cross-origin calls
 * @param expensiveCallsPerPeriod how many calls of {@link Expensive} endpoints each instance accepts
 *     from one caller per {@code expensiveCallsPeriod}; more are answered 429
 */
@ConfigurationProperties("loyalty.security")
public record ApiSecurityProperties(
        List<String> corsAllowedOrigins, Integer expensiveCallsPerPeriod, Duration expensiveCallsPeriod) {

    public ApiSecurityProperties {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        expensiveCallsPerPeriod = expensiveCallsPerPeriod == null ? 5 : expensiveCallsPerPeriod;
        expensiveCallsPeriod = expensiveCallsPeriod == null ? Duration.ofMinutes(1) : expensiveCallsPeriod;
    }
}

package com.loyaltysuite.suite;

import java.util.Map;

/**
 * Where the five services find their infrastructure, and the HTTP port of each ({@code 0} picks a
 * free one). {@code issuerUri} is the token issuer they trust; null leaves it to the environment (a
 * test's own issuer).
 */
public record SuiteSettings(
        String kafkaBootstrap,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String smtpHost,
        int smtpPort,
        Map<String, Integer> ports,
        String issuerUri) {

    /** DESIGN.md's local ports. */
    public static final Map<String, Integer> LOCAL_PORTS =
            Map.of("member", 8081, "points", 8082, "tier", 8083, "benefit", 8084, "notification", 8085);

    public static final Map<String, Integer> ANY_FREE_PORTS =
            Map.of("member", 0, "points", 0, "tier", 0, "benefit", 0, "notification", 0);
}

package com.loyaltysuite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The {@code admin-console} client of the suite's token issuer: the rebuild endpoint needs the admin
 * scope. The secret is {@code LOYALTY_CLIENT_SECRET_ADMIN_CONSOLE} when set (a suite started by someone
 * else), else one drawn for this run and handed to the suite the benchmark starts.
 */
final class AdminToken {

    static final String CLIENT = "admin-console";
    static final String SECRET_VARIABLE = "LOYALTY_CLIENT_SECRET_ADMIN_CONSOLE";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String issuerUri;
    private final String secret;

    AdminToken(String issuerUri, String secret) {
        this.issuerUri = issuerUri;
        this.secret = secret;
    }

    static String secretForThisRun() {
        String given = System.getenv(SECRET_VARIABLE);
        if (given != null && !given.isBlank()) {
            return given;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A fresh token (rebuilds are rare; no caching needed). */
    String get() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuerUri + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=loyalty.admin"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The issuer at " + issuerUri + " refused an admin token: HTTP " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}

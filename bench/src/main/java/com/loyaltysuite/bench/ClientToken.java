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
import java.util.Locale;

/**
 * A client of the suite's token issuer, by the {@code client_credentials} grant: {@code admin-console}
 * for the rebuild endpoint, {@code support-console} to register members. Each secret is
 * {@code LOYALTY_CLIENT_SECRET_<CLIENT>} when set (a suite started by someone else), else one drawn for
 * this run and handed to the suite the benchmark starts.
 */
final class ClientToken {

    static final String ADMIN = "admin-console";
    static final String SUPPORT = "support-console";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String issuerUri;
    private final String client;
    private final String scope;
    private final String secret;

    ClientToken(String issuerUri, String client, String scope, String secret) {
        this.issuerUri = issuerUri;
        this.client = client;
        this.scope = scope;
        this.secret = secret;
    }

    /** The variable the suite reads the client's secret from (as the local issuer names it). */
    static String secretVariable(String client) {
        return "LOYALTY_CLIENT_SECRET_" + client.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static String secretForThisRun(String client) {
        String given = System.getenv(secretVariable(client));
        if (given != null && !given.isBlank()) {
            return given;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A fresh token (asked for rarely; no caching needed). */
    String get() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuerUri + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The issuer at " + issuerUri + " refused a token to " + client + ": HTTP "
                    + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}

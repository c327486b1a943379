package com.loyaltysuite.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens from an OAuth2 issuer's token endpoint by the {@code client_credentials} grant, as the
 * checkout, a support console or an admin script gets them; each is reused until shortly before it
 * expires.
 */
public final class ClientTokens {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String issuerUri;
    private final Map<String, String> secrets;
    private final Map<String, List<String>> scopes;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {}

    /**
     * @param secrets each client's secret
     * @param scopes the scopes to ask for per client (an issuer grants none that are not asked for)
     */
    public ClientTokens(String issuerUri, Map<String, String> secrets, Map<String, List<String>> scopes) {
        this.issuerUri = issuerUri;
        this.secrets = Map.copyOf(secrets);
        this.scopes = Map.copyOf(scopes);
    }

    /** A token for {@code client} with the scopes given for it. */
    public String token(String client) throws IOException, InterruptedException {
        Token cached = cache.get(client);
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return cached.value();
        }
        String secret = secrets.get(client);
        if (secret == null) {
            throw new IllegalArgumentException("No secret for client " + client);
        }
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuerUri + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                                + URLEncoder.encode(String.join(" ", scopes.getOrDefault(client, List.of())), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The issuer refused a token for " + client + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        JsonNode body = json.readTree(response.body());
        long expiresIn = body.path("expires_in").asLong(60);
        Token token = new Token(
                body.path("access_token").asText(), Instant.now().plusSeconds(Math.max(1, expiresIn - 30)));
        cache.put(client, token);
        return token.value();
    }
}

package com.loyaltysuite.benefit.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.benefit.exchange.PointsRefusedException;
import com.loyaltysuite.benefit.exchange.PointsReservations;
import com.loyaltysuite.events.MemberId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * points-service's reservation API over HTTP ({@code POST /members/{id}/points/reservations}, {@code …/confirm},
 * {@code …/cancel}), as the checkout calls it, with a {@code loyalty.checkout} token of benefit-service's own
 * client (client credentials from {@code loyalty.benefits.exchange.token-uri}, {@code .client-id},
 * {@code .client-secret}; no token when no token URI is set). The base URL is
 * {@code loyalty.benefits.exchange.points-url} (default {@code http://127.0.0.1:8082}), read at each call.
 * A 409 or 404 is a refusal; anything else that is not a success is transient.
 */
@Component
class PointsServiceClient implements PointsReservations {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Environment environment;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.MIN;

    PointsServiceClient(Environment environment, ObjectMapper json, Clock clock) {
        this.environment = environment;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String reserve(MemberId member, String requestId, String orderId, long points) {
        JsonNode reservation = post(reservations(member), Map.of("requestId", requestId, "orderId", orderId, "points", points));
        return reservation.path("reservationId").asText();
    }

    @Override
    public void confirm(MemberId member, String reservationId) {
        post(reservations(member) + "/" + encode(reservationId) + "/confirm", null);
    }

    @Override
    public void cancel(MemberId member, String reservationId) {
        post(reservations(member) + "/" + encode(reservationId) + "/cancel", null);
    }

    private String reservations(MemberId member) {
        return environment.getProperty("loyalty.benefits.exchange.points-url", "http://127.0.0.1:8082") + "/members/"
                + encode(member.value()) + "/points/reservations";
    }

    private JsonNode post(String url, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            String bearer = token();
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = send(request.build());
            JsonNode answer = response.body() == null || response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return answer;
            }
            if (status == 409 || status == 404) {
                throw new PointsRefusedException(answer.path("code").asText("http-" + status),
                        "points-service refused " + url + ": " + answer.path("detail").asText(""));
            }
            throw new PointsServiceUnavailableException("points-service answered " + status + " to " + url);
        } catch (IOException e) {
            throw new PointsServiceUnavailableException("points-service unreachable at " + url + ": " + e.getMessage());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
        } catch (CompletionException e) {
            throw new PointsServiceUnavailableException(request.uri() + " could not be reached: " + e.getCause());
        }
    }

    /** A client-credentials token of benefit-service's own client, renewed before it expires. */
    private String token() throws IOException {
        String tokenUri = environment.getProperty("loyalty.benefits.exchange.token-uri");
        if (tokenUri == null || tokenUri.isBlank()) {
            return null;
        }
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        String client = environment.getProperty("loyalty.benefits.exchange.client-id", "benefit-service");
        String secret = environment.getProperty("loyalty.benefits.exchange.client-secret", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=loyalty.checkout"))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new PointsServiceUnavailableException("token endpoint answered " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        token = answer.path("access_token").asText();
        tokenExpires = clock.instant().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 30));
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** points-service could not be asked: the step is retried later. */
    static class PointsServiceUnavailableException extends RuntimeException {
        PointsServiceUnavailableException(String message) {
            super(message);
        }
    }
}

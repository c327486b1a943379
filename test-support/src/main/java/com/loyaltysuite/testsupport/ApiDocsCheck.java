package com.loyaltysuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Reads a running service's OpenAPI document at {@code /v3/api-docs}, without a token, as a client
 * would, and fails listing every operation that is not documented well enough: no summary, no error
 * response as {@code application/problem+json}, a request body without an example, scopes that differ
 * from its {@code @Allowed}. Every controller endpoint of the service must be in the document.
 */
public final class ApiDocsCheck {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode docs;
    private final List<String> failures = new ArrayList<>();

    private ApiDocsCheck(JsonNode docs) {
        this.docs = docs;
    }

    /** Checks the document of the service on {@code port}; returns it for further assertions. */
    public static JsonNode check(int port, RequestMappingHandlerMapping mapping) {
        HttpResponse<String> response = get(port, "/v3/api-docs");
        assertThat(response.statusCode()).as("/v3/api-docs without a token").isEqualTo(200);
        assertThat(get(port, "/swagger-ui/index.html").statusCode())
                .as("Swagger UI without a token")
                .isEqualTo(200);
        JsonNode docs;
        try {
            docs = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApiDocsCheck check = new ApiDocsCheck(docs);
        check.shared();
        Set<String> documented = check.operations();
        for (EndpointSecurityWalk.Endpoint endpoint : EndpointSecurityWalk.endpoints(mapping)) {
            String key = endpoint.method() + " " + endpoint.pattern();
            if (!documented.contains(key)) {
                check.failures.add(key + ": mapped but not in /v3/api-docs");
                continue;
            }
            JsonNode security = docs.path("paths")
                    .path(endpoint.pattern())
                    .path(endpoint.method().toLowerCase(Locale.ROOT))
                    .path("security");
            List<String> scopes = new ArrayList<>();
            for (JsonNode requirement : security) {
                requirement.path("oauth2").forEach(scope -> scopes.add(scope.asText()));
            }
            if (!new HashSet<>(scopes).equals(new HashSet<>(endpoint.scopes()))) {
                check.failures.add(key + ": documents scopes " + scopes + ", @Allowed says " + endpoint.scopes());
            }
        }
        assertThat(check.failures).as("API docs problems").isEmpty();
        assertThat(documented).as("documented operations").isNotEmpty();
        return docs;
    }

    private void shared() {
        JsonNode components = docs.path("components");
        if (!components.path("schemas").has("ProblemDetail")) {
            failures.add("components.schemas has no ProblemDetail");
        }
        JsonNode schemes = components.path("securitySchemes");
        if (!"bearer".equals(schemes.path("bearer-jwt").path("scheme").asText())) {
            failures.add("no bearer-jwt security scheme");
        }
        if (!"oauth2".equals(schemes.path("oauth2").path("type").asText())) {
            failures.add("no oauth2 security scheme");
        }
    }

    /** Checks every operation; returns them as "METHOD /path". */
    private Set<String> operations() {
        Set<String> seen = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                String key = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                seen.add(key);
                operation(key, method.getValue());
            }
        }
        return seen;
    }

    private void operation(String key, JsonNode operation) {
        // The description always carries the scopes (added by ApiDocsConfiguration); the summary is
        // what the controller says the operation does.
        if (operation.path("summary").asText("").isBlank()) {
            failures.add(key + ": no summary (@Operation(summary = ...))");
        }
        boolean problemResponse = false;
        Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().startsWith("4")) {
                JsonNode resolved = resolve(response.getValue());
                if (resolved.path("content").has(PROBLEM_JSON)) {
                    problemResponse = true;
                } else {
                    failures.add(key + ": response " + response.getKey() + " is not " + PROBLEM_JSON);
                }
            }
        }
        if (!problemResponse) {
            failures.add(key + ": no 4xx error response");
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            boolean example = false;
            for (JsonNode media : body.path("content")) {
                example |= media.has("example") || media.has("examples") || media.path("schema").has("example");
            }
            if (!example) {
                failures.add(key + ": request body without an example");
            }
        }
        if (!operation.path("security").isArray() || operation.path("security").isEmpty()) {
            failures.add(key + ": no security requirement");
        }
    }

    private JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asText("");
        return ref.isEmpty() ? response : docs.at(ref.substring(1));
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

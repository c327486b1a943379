package com.loyaltysuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint a running service maps, over real HTTP with real tokens, and checks its access
 * rules: no token is 401, a token without the endpoint's scopes is 403, each of its scopes gets through
 * (any answer but 401/403), and a member token reading another member is 403. The scopes come from the
 * endpoint's own {@code @Allowed}, so a new endpoint is walked without anyone listing it; one without
 * {@code @Allowed} fails the walk. The management endpoints are checked too: health and Prometheus open,
 * the rest admin only.
 */
public final class EndpointSecurityWalk {

    /** One mapped endpoint and the scopes its {@code @Allowed} names (empty when it has none). */
    public record Endpoint(String method, String pattern, List<String> scopes) {}

    static final String ALLOWED = "com.loyaltysuite.support.security.Allowed";
    static final List<String> ALL_SCOPES = List.of(
            TestTokens.MEMBER, TestTokens.SUPPORT_READ, TestTokens.SUPPORT_WRITE, TestTokens.CHECKOUT, TestTokens.ADMIN);
    static final String MEMBER_ID = "M-walk-1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final List<String> failures = new ArrayList<>();

    private EndpointSecurityWalk(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** The controller endpoints of a service, with their declared scopes. */
    public static List<Endpoint> endpoints(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)
                    || handler.getBeanType().getName().startsWith("org.springdoc.")) { // the API docs: ApiDocsCheck
                continue;
            }
            List<String> scopes = scopes(handler);
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(method.name(), pattern, scopes));
                }
            }
        }
        return endpoints;
    }

    /**
     * Walks every endpoint of the service on {@code port}; returns what was checked, and fails listing
     * every endpoint that broke a rule.
     */
    public static List<Endpoint> check(int port, RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = endpoints(mapping);
        EndpointSecurityWalk walk = new EndpointSecurityWalk(port);
        endpoints.forEach(walk::walk);
        walk.management();
        if (!walk.failures.isEmpty()) {
            throw new AssertionError("Endpoint access rules broken:\n  " + String.join("\n  ", walk.failures));
        }
        return endpoints;
    }

    private void walk(Endpoint endpoint) {
        if (endpoint.scopes().isEmpty()) {
            failures.add(endpoint + " declares no @Allowed scopes");
            return;
        }
        String path = endpoint.pattern().replace("{memberId}", MEMBER_ID).replaceAll("\\{[^}]+}", "x");
        expect(endpoint, path, null, "no token", status -> status == 401);
        List<String> others = ALL_SCOPES.stream().filter(s -> !endpoint.scopes().contains(s)).toList();
        if (!others.isEmpty()) {
            String token = TestTokens.mint(MEMBER_ID, others.toArray(String[]::new));
            expect(endpoint, path, token, "only other scopes " + others, status -> status == 403);
        }
        for (String scope : endpoint.scopes()) {
            String subject = scope.equals(TestTokens.MEMBER) ? MEMBER_ID : "walk-" + scope;
            expect(endpoint, path, TestTokens.mint(subject, scope), "scope " + scope, status -> status != 401 && status != 403);
        }
        if (endpoint.scopes().contains(TestTokens.MEMBER) && endpoint.pattern().contains("{memberId}")) {
            expect(endpoint, path, TestTokens.member("M-someone-else"), "another member's token", status -> status == 403);
        }
    }

    private void management() {
        // Open: whatever the health (a DOWN mail server makes it 503), never a 401 or 403.
        Endpoint health = new Endpoint("GET", "/actuator/health", List.of());
        expect(health, "/actuator/health", null, "no token", status -> status == 200 || status == 503);
        Endpoint prometheus = new Endpoint("GET", "/actuator/prometheus", List.of());
        expect(prometheus, "/actuator/prometheus", null, "no token", status -> status == 200);
        for (String path : List.of("/actuator/projections", "/actuator/metrics", "/actuator/info")) {
            Endpoint admin = new Endpoint("GET", path, List.of(TestTokens.ADMIN));
            expect(admin, path, null, "no token", status -> status == 401);
            expect(admin, path, TestTokens.staffWithout(TestTokens.ADMIN), "staff without admin", status -> status == 403);
            expect(admin, path, TestTokens.mint("walk-admin", TestTokens.ADMIN), "scope admin", status -> status == 200);
        }
        // CORS is off unless configured: a page on another origin gets no permission to call.
        HttpRequest preflight = HttpRequest.newBuilder(URI.create(baseUrl + "/tiers"))
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        if (response(preflight).headers().firstValue("Access-Control-Allow-Origin").isPresent()) {
            failures.add("OPTIONS /tiers from another origin: allowed, though no CORS origin is configured");
        }
        Endpoint rebuild = new Endpoint("POST", "/actuator/projections/x", List.of(TestTokens.ADMIN));
        expect(rebuild, "/actuator/projections/x", null, "no token", status -> status == 401);
        expect(rebuild, "/actuator/projections/x", TestTokens.member(MEMBER_ID), "member token", status -> status == 403);
    }

    private void expect(Endpoint endpoint, String path, String token, String what, IntPredicate expected) {
        int status = send(endpoint.method(), path, token);
        if (!expected.test(status)) {
            failures.add(endpoint.method() + " " + endpoint.pattern() + " with " + what + ": got " + status);
        }
    }

    private int send(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, needsBody(method) ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return response(request.build()).statusCode();
    }

    private HttpResponse<Void> response(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean needsBody(String method) {
        return method.equals("POST") || method.equals("PUT");
    }

    private static List<String> scopes(HandlerMethod handler) {
        AnnotationAttributes onMethod = AnnotatedElementUtils.getMergedAnnotationAttributes(handler.getMethod(), ALLOWED);
        AnnotationAttributes allowed = onMethod != null
                ? onMethod
                : AnnotatedElementUtils.getMergedAnnotationAttributes(handler.getBeanType(), ALLOWED);
        return allowed == null ? List.of() : Arrays.asList(allowed.getStringArray("value"));
    }
}

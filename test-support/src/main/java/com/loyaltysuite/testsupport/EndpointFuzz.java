package com.loyaltysuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends invalid requests, generated with jqwik from a service's own endpoint mappings, to the running
 * service with a token that has every scope: odd path variables (blank, spaces, control characters,
 * too long, encoded slashes), out-of-range and non-numeric query parameters, and bodies that are not
 * the JSON object an endpoint reads. Each must be refused with a 4xx, never a 5xx; the member ids it
 * uses start with {@link #MEMBER_PREFIX}, so a test can check that nothing was recorded for them.
 */
public final class EndpointFuzz {

    public static final String MEMBER_PREFIX = "M-fuzz-";

    /** A generated request and the status the service answered. */
    public record Probe(String method, String path, String body, int status) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String baseUrl;
    private final String token = TestTokens.mint(
            "fuzz", TestTokens.SUPPORT_READ, TestTokens.SUPPORT_WRITE, TestTokens.CHECKOUT, TestTokens.ADMIN);

    private EndpointFuzz(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /**
     * Fuzzes every endpoint of the service on {@code port} with {@code perEndpoint} generated requests;
     * returns every probe, and fails listing each one (method, path, body, status) that was not
     * answered with a 4xx.
     */
    public static List<Probe> check(int port, RequestMappingHandlerMapping mapping, int perEndpoint) {
        EndpointFuzz fuzz = new EndpointFuzz(port);
        List<Probe> probes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)
                    || handler.getBeanType().getName().startsWith("org.springdoc.")) { // the API docs: ApiDocsCheck
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    fuzz.requests(method.name(), pattern, handler).ifPresent(requests -> requests
                            .sampleStream()
                            .limit(perEndpoint)
                            .forEach(request -> probes.add(fuzz.send(request))));
                }
            }
        }
        List<String> wrong = probes.stream()
                .filter(probe -> probe.status() < 400 || probe.status() >= 500)
                .map(Probe::toString)
                .toList();
        if (!wrong.isEmpty()) {
            throw new AssertionError("Invalid requests not refused with a 4xx:\n  " + String.join("\n  ", wrong));
        }
        return probes;
    }

    private record Request(String method, String path, String body) {}

    /** Invalid requests for one endpoint; empty when it takes nothing that could be invalid. */
    private java.util.Optional<Arbitrary<Request>> requests(String method, String pattern, HandlerMethod handler) {
        boolean hasMemberId = pattern.contains("{memberId}");
        boolean hasBody = hasParameter(handler, RequestBody.class);
        Set<String> numericParams = numericRequestParams(handler);
        List<Arbitrary<Request>> kinds = new ArrayList<>();
        if (hasMemberId) {
            kinds.add(badMemberIds().map(id -> new Request(method, path(pattern, id), hasBody ? "{}" : null)));
        }
        if (hasBody) {
            kinds.add(badBodies().map(body -> new Request(method, path(pattern, validMember()), body)));
        }
        for (String param : numericParams) {
            kinds.add(badNumbers().map(value -> new Request(
                    method, path(pattern, validMember()) + "?" + param + "=" + encode(value), null)));
        }
        return kinds.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Arbitraries.oneOf(kinds));
    }

    private static Arbitrary<String> badMemberIds() {
        return Arbitraries.oneOf(
                Arbitraries.of(" ", "  ", "\t", "a b", " M-1", "M-1 ", "%", "..", "a/b", "\u0000", "\u00a0"),
                Arbitraries.strings().withChars('a', 'Z').ofMinLength(129).ofMaxLength(400),
                Arbitraries.strings().whitespace().ofMinLength(1).ofMaxLength(5));
    }

    private static Arbitrary<String> badBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "{", "}", "[]", "null", "42", "\"text\"", "true", "{\"a\":", "{{}}", "[{}]"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(64).filter(s -> !s.isBlank() && !s.trim().startsWith("{")));
    }

    private static Arbitrary<String> badNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("-1", "2147483647", "2147483648", "99999999999999999999", "abc", "1.5", "", "0x10", "1e9"),
                Arbitraries.integers().lessOrEqual(-1).map(String::valueOf),
                Arbitraries.longs().greaterOrEqual(1_000_000L).map(String::valueOf));
    }

    private static String validMember() {
        return MEMBER_PREFIX + Long.toHexString(Double.doubleToLongBits(Math.random()));
    }

    private static String path(String pattern, String memberId) {
        return pattern.replace("{memberId}", encode(memberId)).replaceAll("\\{[^}]+}", "x");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean hasParameter(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> kind) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(kind)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> numericRequestParams(HandlerMethod handler) {
        Set<String> names = new java.util.TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (param != null && (type == int.class || type == long.class || type == Integer.class || type == Long.class)) {
                String name = !param.name().isEmpty() ? param.name() : param.value();
                names.add(name.isEmpty() ? parameter.getParameterName() : name);
            }
        }
        return names;
    }

    private Probe send(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        builder.method(
                request.method(),
                request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            int status = http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Probe(request.method(), request.path(), request.body(), status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

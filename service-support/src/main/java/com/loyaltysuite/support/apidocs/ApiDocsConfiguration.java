package com.loyaltysuite.support.apidocs;

import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Expensive;
import com.loyaltysuite.support.security.Scopes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What every service's OpenAPI document shares, so that a service adds only its own annotations
 * ({@code @Operation}, request examples, the 409s and 422s its rules raise): the bearer-token and
 * OAuth2 security schemes, each operation's scopes read from its {@link Allowed} (so the docs cannot
 * drift from what {@code EndpointAccess} enforces), one {@code ProblemDetail} schema, and the error
 * responses that follow from the security and the shape of the operation: 401 and 403 everywhere,
 * 400 where the caller sends parameters or a body, 404 where the path names a resource (unless
 * {@link NeverNotFound}), 429 on
 * {@link Expensive} endpoints. Every 4xx/5xx is {@code application/problem+json}.
 *
 * <p>Off unless {@code springdoc.api-docs.enabled=true} (the conventions' default is off; the local
 * run and the tests turn it on). See {@code docs/operations.md}, "API docs".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", havingValue = "true")
public class ApiDocsConfiguration {

    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM_SCHEMA = "ProblemDetail";
    static final String BEARER = "bearer-jwt";
    static final String OAUTH2 = "oauth2";
    /** Marks an operation {@link NeverNotFound} between the two customisers; not in the published document. */
    private static final String NEVER_NOT_FOUND = "x-never-not-found";

    /** The shared error responses, by status: name in {@code components.responses}, and what it means. */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[] {"BadRequest", "validation-failed", "Invalid request: the `errors` list names each bad field"});
        ERRORS.put("401", new String[] {"Unauthorized", "unauthorized", "No valid bearer token"});
        ERRORS.put("403", new String[] {"Forbidden", "forbidden", "The token's scopes do not allow this (a member token reads only its own member's data)"});
        ERRORS.put("404", new String[] {"NotFound", "not-found", "Nothing is known of the resource the path names"});
        ERRORS.put("409", new String[] {"Conflict", "rule-violated", "A business rule or a concurrent change refused the request"});
        ERRORS.put("422", new String[] {"Unprocessable", "unacceptable-input", "Well-formed, but the input cannot be accepted"});
        ERRORS.put("429", new String[] {"TooManyRequests", "rate-limited", "Too many calls of this costly endpoint; retry after `Retry-After` seconds"});
    }

    @Bean
    OpenApiCustomizer loyaltyApiDocs(
            @Value("${spring.application.name}") String application,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        return openApi -> {
            if (openApi.getInfo() == null || openApi.getInfo().getDescription() == null) {
                openApi.info(new Info()
                        .title(application)
                        .version("v1")
                        .description("The HTTP API of " + application + ". Every call needs a bearer token"
                                + " (JWT) whose scopes include one of those the operation lists; errors are"
                                + " application/problem+json with a stable `type`, a `code` and a `traceId`."));
            }
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components);
            components.addSchemas(PROBLEM_SCHEMA, problemSchema());
            ERRORS.forEach((status, error) -> components.addResponses(error[0], problemResponse(status, error)));
            components.addSecuritySchemes(BEARER, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("JWT")
                    .description("A JWT from the shop's identity server; its `scope` claim must hold one of"
                            + " the scopes the operation lists"));
            components.addSecuritySchemes(OAUTH2, oauth2(issuer));
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach(ApiDocsConfiguration::addErrorResponses);
            }
        };
    }

    /** Scopes from {@link Allowed}, 401/403 everywhere, 429 where {@link Expensive}. */
    @Bean
    OperationCustomizer loyaltyOperationSecurity() {
        return (operation, handler) -> {
            List<String> scopes = scopes(handler);
            operation.addSecurityItem(new SecurityRequirement().addList(OAUTH2, scopes));
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER, scopes));
            String note = "Scopes: " + (scopes.isEmpty() ? "none (refused to everyone)" : String.join(", ", scopes));
            operation.setDescription(operation.getDescription() == null
                    ? note
                    : operation.getDescription() + "\n\n" + note);
            ApiResponses responses = responses(operation);
            refer(responses, "401");
            refer(responses, "403");
            if (handler.hasMethodAnnotation(Expensive.class)) {
                refer(responses, "429");
            }
            if (handler.hasMethodAnnotation(NeverNotFound.class)) {
                operation.addExtension(NEVER_NOT_FOUND, true);
            }
            return operation;
        };
    }

    private static void addErrorResponses(String path, PathItem item) {
        for (Operation operation : item.readOperations()) {
            ApiResponses responses = responses(operation);
            boolean takesInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            if (takesInput) {
                refer(responses, "400");
            }
            boolean neverNotFound = operation.getExtensions() != null
                    && operation.getExtensions().remove(NEVER_NOT_FOUND) != null;
            if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
                operation.setExtensions(null);
            }
            if (path.contains("{") && !neverNotFound) {
                refer(responses, "404");
            }
            // A 4xx a controller declared itself (a 409 of its rules) keeps its description, but its
            // body is always the problem, whatever the handler method returns when it succeeds.
            responses.forEach((status, response) -> {
                if ((status.startsWith("4") || status.startsWith("5")) && response.get$ref() == null) {
                    response.setContent(problemContent(status, ERRORS.getOrDefault(status, new String[] {"", "error", ""})));
                }
            });
        }
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    private static void refer(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + ERRORS.get(status)[0]));
        }
    }

    static List<String> scopes(HandlerMethod handler) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allowed.class);
        }
        return allowed == null ? List.of() : Arrays.asList(allowed.value());
    }

    private static SecurityScheme oauth2(String issuer) {
        io.swagger.v3.oas.models.security.Scopes scopes = new io.swagger.v3.oas.models.security.Scopes();
        scopes.addString(Scopes.MEMBER, "A member, on their own data only (the token's subject is the member id)");
        scopes.addString(Scopes.SUPPORT_READ, "Support staff looking a member up");
        scopes.addString(Scopes.SUPPORT_WRITE, "Support staff acting for a member");
        scopes.addString(Scopes.CHECKOUT, "The checkout or POS system");
        scopes.addString(Scopes.ADMIN, "Operations");
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        // Spring Authorization Server's and Keycloak's token endpoints differ; the local run's issuer
        // is Spring's, so its path is the one the Swagger UI's "Authorize" button can use.
        String tokenUrl = base.isEmpty() ? "/oauth2/token" : base + "/oauth2/token";
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Client credentials from the shop's identity server (ADR 0008)")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(scopes)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().example("orderAmount.amount"))
                .addProperty("message", new StringSchema().example("must be greater than 0"));
        return new ObjectSchema()
                .description("RFC 9457 problem details, with the suite's `code` and `traceId` extensions")
                .addProperty("type", new StringSchema().format("uri").example("urn:loyaltysuite:problem:not-found"))
                .addProperty("title", new StringSchema().example("Not Found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("Nothing is known of M-10001"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", new StringSchema().description("Stable, machine-readable").example("not-found"))
                .addProperty("traceId", new StringSchema().description("Quote it when reporting the error"))
                .addProperty("errors", new ArraySchema()
                        .items((Schema) fieldProblem)
                        .description("Validation errors only: each bad field"));
    }

    private static ApiResponse problemResponse(String status, String[] error) {
        return new ApiResponse().description(error[2]).content(problemContent(status, error));
    }

    private static Content problemContent(String status, String[] error) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:loyaltysuite:problem:" + error[1]);
        example.put("status", Integer.parseInt(status));
        example.put("code", error[1]);
        example.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        return new Content()
                .addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                        .example(example));
    }
}

package com.loyaltysuite.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.loyaltysuite.support.domain.RuleViolationException;
import com.loyaltysuite.support.domain.UnacceptableInputException;
import com.loyaltysuite.support.domain.UnknownResourceException;
import com.loyaltysuite.support.security.ExpensiveCalls;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers is {@code application/problem+json} with a stable {@code type}, a
 * {@code code} and a {@code traceId}; validation errors also list each bad field. No stack traces.
 * Domain exceptions ({@code support.domain}) become 404, 409 or 422 with their own code.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String TYPE_PREFIX = "urn:loyaltysuite:problem:";

    public record FieldProblem(String field, String message) {}

    private final ObjectProvider<ExpensiveCalls> expensiveCalls;

    public ProblemDetailsAdvice(ObjectProvider<ExpensiveCalls> expensiveCalls) {
        this.expensiveCalls = expensiveCalls;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        fields = fields.isEmpty()
                ? ex.getBindingResult().getGlobalErrors().stream()
                        .map(e -> new FieldProblem(e.getObjectName(), e.getDefaultMessage()))
                        .toList()
                : fields;
        return ResponseEntity.badRequest().body(validationProblem(fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getCause() instanceof JsonMappingException mapping ? path(mapping.getPath()) : "body";
        String message = field.equals("body") ? "body is not valid JSON" : "has the wrong type or format";
        return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldProblem(field, message))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        return ResponseEntity.badRequest()
                .body(validationProblem(List.of(new FieldProblem(String.valueOf(field), "has the wrong type or format"))));
    }

    /**
     * Constraints on a path variable or parameter (e.g. {@code @ValidMemberId}) make Spring validate
     * the whole method, so a body's field errors arrive here too: each is named by its field, the rest
     * by their parameter.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors errors && errors.hasFieldErrors()
                        ? errors.getFieldErrors().stream().map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                                .map(error -> new FieldProblem(parameterName(result), error.getDefaultMessage())))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(fields));
    }

    private static String parameterName(ParameterValidationResult result) {
        var parameter = result.getMethodParameter();
        var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        return String.valueOf(parameter.getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            // Spring's own MVC errors (unknown path, wrong method, …) get the same extensions.
            decorate(problem, "http-" + statusCode.value());
        }
        return response;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> fields = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(fields));
    }

    @ExceptionHandler(UnknownResourceException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownResourceException ex) {
        return problem(HttpStatus.NOT_FOUND, ex.code(), ex.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Nothing is known of " + ex.getAggregateIdentifier());
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException ex) {
        return problem(HttpStatus.CONFLICT, ex.code(), ex.getMessage());
    }

    @ExceptionHandler(UnacceptableInputException.class)
    ResponseEntity<ProblemDetail> unacceptable(UnacceptableInputException ex) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, ex.code(), ex.getMessage());
    }

    /** An endpoint's {@code @Allowed} scopes refused the token (the filter chain answers the rest). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
    }

    @ExceptionHandler(RequestNotPermitted.class)
    ResponseEntity<ProblemDetail> tooManyExpensiveCalls(RequestNotPermitted ex) {
        ResponseEntity<ProblemDetail> response = problem(
                HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many calls of this costly endpoint; retry later");
        ExpensiveCalls calls = expensiveCalls.getIfAvailable();
        long retryAfter = calls == null ? 60 : calls.secondsUntilNextPeriod();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter))
                .body(response.getBody());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException ex) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "The resource changed meanwhile; retry");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        ResponseEntity<ProblemDetail> response =
                problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Unexpected error; quote the traceId");
        log.error("Unhandled error, traceId={}", response.getBody().getProperties().get("traceId"), ex);
        return response;
    }

    private static ProblemDetail validationProblem(List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        decorate(problem, "validation-failed");
        problem.setProperty("errors", fields);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        decorate(problem, code);
        return ResponseEntity.status(status).body(problem);
    }

    private static void decorate(ProblemDetail problem, String code) {
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setProperty("code", code);
        String traceId = MDC.get("traceId");
        problem.setProperty("traceId", traceId != null ? traceId : UUID.randomUUID().toString());
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        if (refs.isEmpty()) {
            return "body";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}

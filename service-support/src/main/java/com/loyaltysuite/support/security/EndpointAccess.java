package com.loyaltysuite.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks every call of a controller endpoint against its {@link Allowed} scopes, after the filter
 * chain has authenticated the bearer token. Deny by default: an endpoint that declares no scopes is
 * refused. A member token reaches only paths whose {@code {memberId}} is its own subject.
 */
public class EndpointAccess implements HandlerInterceptor {

    static final String MEMBER_ID_VARIABLE = "memberId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isController(method)) {
            return true; // the management endpoints are secured by path in the filter chain
        }
        Allowed allowed = allowedOn(method);
        if (allowed == null) {
            throw new AccessDeniedException("This endpoint declares no scopes, so no one may call it");
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        Set<String> granted = caller == null
                ? Set.of()
                : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        for (String scope : allowed.value()) {
            if (!granted.contains(Scopes.authority(scope))) {
                continue;
            }
            if (!scope.equals(Scopes.MEMBER) || isOwnData(request, caller)) {
                return true;
            }
        }
        throw new AccessDeniedException("Needs one of the scopes " + Arrays.toString(allowed.value())
                + (granted.contains(Scopes.authority(Scopes.MEMBER)) ? " (a member reads only their own data)" : ""));
    }

    /** Ours, not springdoc's: the API docs are secured by path, like the management endpoints. */
    private static boolean isController(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class)
                && !method.getBeanType().getName().startsWith("org.springdoc.");
    }

    static Allowed allowedOn(HandlerMethod method) {
        Allowed onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allowed.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allowed.class);
    }

    /** Paths without a member id carry nothing personal (e.g. the tier ladder). */
    private static boolean isOwnData(HttpServletRequest request, Authentication caller) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String memberId = variables == null ? null : variables.get(MEMBER_ID_VARIABLE);
        return memberId == null || memberId.equals(caller.getName());
    }
}

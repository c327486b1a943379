package com.loyaltysuite.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server: a request needs a valid JWT bearer token from the
 * configured issuer, and each controller endpoint names the scopes that may call it ({@link Allowed},
 * checked by {@link EndpointAccess}). Health and Prometheus scraping stay open; every other management
 * endpoint needs {@link Scopes#ADMIN}. The API docs are open when they are switched on. Stateless, so no sessions and no CSRF tokens (a bearer token is
 * never sent by a browser on its own); CORS only for the configured origins.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityConfiguration implements WebMvcConfigurer {

    static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    private final ExpensiveCalls expensiveCalls;

    public ApiSecurityConfiguration(ApiSecurityProperties properties) {
        this.expensiveCalls =
                new ExpensiveCalls(properties.expensiveCallsPerPeriod(), properties.expensiveCallsPeriod());
    }

    @Bean
    SecurityFilterChain loyaltyApiSecurity(
            HttpSecurity http,
            ObjectMapper json,
            ApiSecurityProperties properties,
            @Value("${springdoc.api-docs.enabled:false}") boolean apiDocs)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        // The API docs (and the Swagger UI) describe the endpoints and their scopes, never data, so
        // they are open where they are served at all; they are off unless switched on (docs/operations.md).
        String[] docs = apiDocs ? API_DOCS_PATHS : new String[0];
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(cors(properties.corsAllowedOrigins())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/actuator", "/actuator/**")
                        .hasAuthority(Scopes.authority(Scopes.ADMIN))
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(docs)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    ExpensiveCalls expensiveCalls() {
        return expensiveCalls;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new EndpointAccess());
        registry.addInterceptor(expensiveCalls);
    }

    private static CorsConfigurationSource cors(List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!allowedOrigins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(allowedOrigins);
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
            config.setAllowCredentials(false);
            source.registerCorsConfiguration("/members/**", config);
            source.registerCorsConfiguration("/tiers/**", config);
        }
        return source;
    }
}

package com.loyaltysuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.testsupport.ApiDocsCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The service's OpenAPI document describes every endpoint, its errors and its scopes ({@link ApiDocsCheck}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class NotificationApiDocsIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointIsDocumentedWithItsErrorsAndScopes() {
        assertThat(ApiDocsCheck.check(port, mapping).path("openapi").asText()).startsWith("3.");
    }
}

package com.loyaltysuite.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.testsupport.EndpointSecurityWalk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint of the service, walked with and without the right tokens ({@link EndpointSecurityWalk}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(MemberTestClock.class)
class MemberEndpointSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointAnswersOnlyTheScopesItDeclares() {
        assertThat(EndpointSecurityWalk.check(port, mapping)).isNotEmpty();
    }
}

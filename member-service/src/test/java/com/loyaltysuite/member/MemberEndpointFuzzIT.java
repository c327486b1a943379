package com.loyaltysuite.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.testsupport.EndpointFuzz;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Invalid requests, generated from the service's own endpoints, are refused with a 4xx and change nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(MemberTestClock.class)
class MemberEndpointFuzzIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void invalidRequestsGet4xxAndChangeNothing() {
        assertThat(EndpointFuzz.check(port, mapping, 25)).isNotEmpty();

        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier like ?",
                        Long.class,
                        EndpointFuzz.MEMBER_PREFIX + "%"))
                .isZero();
    }
}

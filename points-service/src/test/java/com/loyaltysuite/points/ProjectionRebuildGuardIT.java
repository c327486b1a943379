package com.loyaltysuite.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.testsupport.TestTokens;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild needs every segment's token: while another instance holds one, the endpoint refuses and
 * says which, instead of resetting half a read model and leaving the processor stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(PointsTestClock.class)
class ProjectionRebuildGuardIT {

    static final int OTHER_INSTANCES_SEGMENT = 7;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void releaseTheOtherInstancesClaim() {
        jdbc.update("delete from token_entry where processor_name = 'points-ledger' and segment = ?", OTHER_INSTANCES_SEGMENT);
    }

    @Test
    void aRebuildIsRefusedWhileAnotherInstanceHoldsASegment() {
        jdbc.update(
                "insert into token_entry (processor_name, segment, owner, timestamp) values ('points-ledger', ?, ?, ?)",
                OTHER_INSTANCES_SEGMENT,
                "1234@another-host",
                Instant.now().toString());

        var admin = TestTokens.staffHeaders("ops");
        admin.setContentType(MediaType.APPLICATION_JSON);
        var refused = http.exchange("/actuator/projections/points-ledger", HttpMethod.POST, new HttpEntity<>(admin), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody())
                .containsEntry("segmentsHeldElsewhere", java.util.List.of(OTHER_INSTANCES_SEGMENT))
                .extractingByKey("reason")
                .asString()
                .contains("stop the other instances");
        var state = http.exchange(
                "/actuator/projections", HttpMethod.GET, new HttpEntity<>(TestTokens.staffHeaders("ops")), java.util.List.class);
        assertThat(state.getBody().toString()).contains("name=points-ledger, running=true");
    }
}

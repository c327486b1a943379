package com.loyaltysuite.member.api;

import com.loyaltysuite.events.anomaly.AnomalyRule;
import com.loyaltysuite.member.anomalies.AnomalyPageView;
import com.loyaltysuite.member.anomalies.FindAnomalies;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Detected anomalies (异常监控), for the support team. */
@Tag(name = "Anomalies", description = "Anomalies detected on the payment stream")
@RestController
@Validated
class AnomalyController {

    private final QueryGateway queries;

    AnomalyController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * Newest first; {@code rule} narrows to one rule. Page and size are read as text so that a blank
     * one ({@code ?size=}) is refused rather than taken for the default.
     */
    @Allowed({Scopes.SUPPORT_READ})
    @Operation(summary = "Detected anomalies (异常监控), newest first", description = "Optionally of one rule; a page at a time.")
    @GetMapping("/anomalies")
    AnomalyPageView anomalies(
            @RequestParam(required = false) AnomalyRule rule,
            @RequestParam(required = false) @Pattern(regexp = PAGE, message = "must be a whole number from 0 to 10000")
                    String page,
            @RequestParam(required = false) @Pattern(regexp = SIZE, message = "must be a whole number from 1 to 200")
                    String size) {
        FindAnomalies query = new FindAnomalies(
                rule, page == null ? 0 : Integer.parseInt(page), size == null ? 20 : Integer.parseInt(size));
        return queries.query(query, ResponseTypes.instanceOf(AnomalyPageView.class)).join();
    }

    static final String PAGE = "^(0|[1-9][0-9]{0,3}|10000)$";
    static final String SIZE = "^([1-9]|[1-9][0-9]|1[0-9]{2}|200)$";
}

package com.loyaltysuite.member.api;

import com.loyaltysuite.events.anomaly.AnomalyRule;
import com.loyaltysuite.member.anomalies.AnomalyPageView;
import com.loyaltysuite.member.anomalies.FindAnomalies;
import com.loyaltysuite.support.security.Allowed;
import com.loyaltysuite.support.security.Scopes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Detected anomalies (异常监控), for the support team. */
@RestController
@Validated
class AnomalyController {

    private final QueryGateway queries;

    AnomalyController(QueryGateway queries) {
        this.queries = queries;
    }

    /** Newest first; {@code rule} narrows to one rule. */
    @Allowed({Scopes.SUPPORT_READ})
    @GetMapping("/anomalies")
    AnomalyPageView anomalies(
            @RequestParam(required = false) AnomalyRule rule,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.query(new FindAnomalies(rule, page, size), ResponseTypes.instanceOf(AnomalyPageView.class))
                .join();
    }
}

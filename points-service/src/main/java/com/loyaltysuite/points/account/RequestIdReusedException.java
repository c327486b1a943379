package com.loyaltysuite.points.account;

import com.loyaltysuite.support.domain.RuleViolationException;

/** A request id names an earlier request that asked for something else: idempotency keys are not reused. */
public class RequestIdReusedException extends RuleViolationException {

    public RequestIdReusedException(String requestId) {
        super("request-id-reused", "Request id " + requestId + " was used before for a different request");
    }
}

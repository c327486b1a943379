package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.support.domain.RuleViolationException;

/** A request id names an earlier redemption of another coupon: idempotency keys are not reused. */
public class RequestIdReusedException extends RuleViolationException {

    public RequestIdReusedException(String requestId) {
        super("request-id-reused", "Request id " + requestId + " was used before for a different redemption");
    }
}

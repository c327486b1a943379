package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.support.domain.UnknownResourceException;

/** No redemption of the member has this request id. */
public class RedemptionNotFoundException extends UnknownResourceException {

    public RedemptionNotFoundException(String requestId) {
        super("redemption-not-found", "No redemption with request id " + requestId);
    }
}

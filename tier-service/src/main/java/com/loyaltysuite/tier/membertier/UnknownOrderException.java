package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.OrderId;

/** A refund of an order that was never counted: there is nothing to lower, now or later. */
public class UnknownOrderException extends UnqualifiableOrderException {

    UnknownOrderException(OrderId orderId) {
        super("Refund of order " + orderId + ", which was never counted towards this member's tier");
    }
}

package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.tier.QualifyingValue;

/**
 * A paid order (or refund) with a negative amount. Money going back to a member is a refund, a
 * separate event; counting this one would lower the qualifying value without a trace of why.
 */
public class NegativeOrderAmountException extends UnqualifiableOrderException {

    NegativeOrderAmountException(OrderId orderId, QualifyingValue amount) {
        super("negative-order-amount", "Order " + orderId + " carries a negative amount " + amount.value() + " " + amount.unit());
    }
}

package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;

/**
 * A paid order with a negative amount. Money going back to a member is a refund, a separate event;
 * counting this one would lower the qualifying total without a trace of why.
 */
public class NegativeOrderAmountException extends UnqualifiableOrderException {

    NegativeOrderAmountException(OrderId orderId, Money amount) {
        super("Order " + orderId + " was paid with a negative amount " + amount.value() + " " + amount.currency());
    }
}
